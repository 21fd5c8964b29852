package org.vouchsafe.trackrecord;

import org.vouchsafe.criteria.CheckResult;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The automated verdict on criterion 3 for one request (or one self-assessment).
 *
 * @param statistics       the figures the verdict rests on
 * @param check            outcome and reasons, each a sentence a person can act on
 * @param verdict          the rules that fired, for callers that need more than the sentences
 * @param eligibleFrom     when the span rule failed and there are entries: the date the record
 *                         becomes long enough (earliest public date + the rule's limit)
 * @param failedOnlyOnSpan true when the check failed and the span is the only failure: waiting
 *                         until {@code eligibleFrom}, with the record continuing, is the remedy
 */
public record TrackRecordAssessment(
        TrackRecordStatistics statistics,
        CheckResult check,
        RulesVerdict verdict,
        Optional<LocalDate> eligibleFrom,
        boolean failedOnlyOnSpan) {

    public TrackRecordAssessment {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(eligibleFrom, "eligibleFrom");
    }

    /**
     * The effective date a list admin's DEFER decision should default to: the eligibility
     * forecast when criterion 3 failed only because the record is too young, else empty.
     */
    public Optional<LocalDate> deferDefault() {
        return failedOnlyOnSpan ? eligibleFrom : Optional.empty();
    }
}
