package org.vouchsafe.audit;

import java.time.Instant;

/**
 * An audit event's stored columns, read as a plain value rather than a managed entity so that
 * the verifier can walk long chains without filling (or disturbing) the persistence context.
 */
record ChainLink(long seq, String id, Instant occurredAt, String actor, AuditAction action, String requestId,
        String summary, String details, boolean publicToApplicant, String prevHash, String hash) {

    /** The hash this row should carry, recomputed from its columns. */
    String recomputeHash() {
        return ChainHash.of(seq, id, occurredAt, actor, action.name(), requestId, summary, details,
                publicToApplicant, prevHash);
    }
}
