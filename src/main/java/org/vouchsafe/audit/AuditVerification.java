package org.vouchsafe.audit;

/**
 * The outcome of recomputing the chain: whether it holds, how many events were checked, and
 * for a broken chain the first broken link ({@code firstBrokenSeq}), why, and a sentence for
 * the admin. {@code headSeq} and {@code headHash} are the chain head that was verified; an
 * admin who keeps them somewhere outside the database can later prove that the log was not
 * rewritten as a whole.
 */
public record AuditVerification(
        boolean ok,
        long eventsChecked,
        Long firstBrokenSeq,
        Break reason,
        String detail,
        long headSeq,
        String headHash) {

    /** Why a link is broken. */
    public enum Break {
        /** The event's stored hash is not the hash of its stored columns: a column was edited. */
        HASH_MISMATCH,
        /** The event's {@code prev_hash} is not the hash of the event before it. */
        PREV_LINK_MISMATCH,
        /** A sequence number is missing: an event was deleted. */
        SEQ_GAP,
        /** The chain ends before, or differently from, the head the log last wrote: the tail was cut or replaced. */
        HEAD_MISMATCH
    }

    static AuditVerification intact(long checked, long headSeq, String headHash) {
        return new AuditVerification(true, checked, null, null, null, headSeq, headHash);
    }

    static AuditVerification broken(long checked, long seq, Break reason, String detail, long headSeq, String headHash) {
        return new AuditVerification(false, checked, seq, reason, detail, headSeq, headHash);
    }
}
