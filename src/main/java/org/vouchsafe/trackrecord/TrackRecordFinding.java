package org.vouchsafe.trackrecord;

import org.vouchsafe.criteria.CheckOutcome;

import java.util.Map;
import java.util.Objects;

/**
 * One rule of the criterion-3 decision that fired: how bad it is, which rule, and the
 * threshold it compares with.
 *
 * @param outcome FAIL or CONCERN
 * @param reason  the rule, by its code in the decision table
 * @param code    the code as written in the table (kept when an admin adds a code this
 *                version does not know, so that the sentence can still name it)
 * @param limit   the rule's threshold, or null when the table gives none
 */
public record TrackRecordFinding(CheckOutcome outcome, Reason reason, String code, Double limit) {

    public TrackRecordFinding {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
    }

    /** The reason codes the decision table uses in its {@code reason} output. */
    public enum Reason {
        /** The record is younger than the required span. */
        SPAN_TOO_SHORT,
        /** The median time from disclosure to fix is too long. */
        MEDIAN_LATENCY_TOO_HIGH,
        /** Too few fixes within 10 days. */
        FEW_WITHIN_10_DAYS,
        /** The latest fix is too long ago: the record does not continue to the present. */
        NOT_CURRENT,
        /** Too few entries handled via (linux-)distros. */
        FEW_VIA_DISTROS,
        /** Too few entries to judge. */
        FEW_ENTRIES,
        /** A code this version does not know; the sentence names the code. */
        OTHER
    }

    /**
     * Reads one row of the decision result ({@link TrackRecordRules#OUTPUT_OUTCOME},
     * {@link TrackRecordRules#OUTPUT_REASON}, {@link TrackRecordRules#OUTPUT_LIMIT}).
     *
     * @throws IllegalStateException when the row has no usable outcome: a broken table must
     *                               not turn into a silent PASS
     */
    public static TrackRecordFinding fromDecisionRow(Map<String, Object> row) {
        Object outcome = row.get(TrackRecordRules.OUTPUT_OUTCOME);
        Object reason = row.get(TrackRecordRules.OUTPUT_REASON);
        Object limit = row.get(TrackRecordRules.OUTPUT_LIMIT);
        CheckOutcome o;
        try {
            o = CheckOutcome.valueOf(String.valueOf(outcome).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("track-record decision gave outcome '" + outcome + "' for reason '"
                    + reason + "'; expected FAIL or CONCERN");
        }
        if (o != CheckOutcome.FAIL && o != CheckOutcome.CONCERN) {
            throw new IllegalStateException("track-record decision gave outcome " + o + " for reason '"
                    + reason + "'; rules may only say FAIL or CONCERN, no row means PASS");
        }
        String code = reason == null ? "" : reason.toString().trim();
        Reason r;
        try {
            r = Reason.valueOf(code);
        } catch (IllegalArgumentException e) {
            r = Reason.OTHER;
        }
        return new TrackRecordFinding(o, r, code, limit instanceof Number num ? num.doubleValue() : null);
    }
}
