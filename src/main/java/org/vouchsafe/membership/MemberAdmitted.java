package org.vouchsafe.membership;

import java.time.Instant;

/**
 * A person joined the roster for their distro (in the transaction that adds them). Features that
 * give members something (an account, an invitation) react to this rather than being called by
 * the roster.
 */
public record MemberAdmitted(String requestId, String memberId, String name, String email, String distro, String list,
                             String fingerprint, Instant at) {
}
