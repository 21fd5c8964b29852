package org.vouchsafe.membership;

import java.time.Instant;

/**
 * A person left the roster, by their own choice or removed by a list admin (in the transaction
 * that takes them off). Accounts react to it (the person's account is disabled); the vouches the
 * person made stay as recorded.
 *
 * @param username the person's account, when {@link RosterAccounts} knows one; else null
 */
public record MemberLeft(String memberId, String email, String distroId, String username, Instant at, String reason) {
}
