package org.vouchsafe.trackrecord;

import org.vouchsafe.criteria.CheckOutcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the criterion-3 rules said: the findings of every rule that fired, in table order.
 * No finding means PASS.
 */
public record RulesVerdict(List<TrackRecordFinding> findings) {

    public RulesVerdict {
        findings = List.copyOf(findings);
    }

    /** Builds the verdict from the rows a COLLECT decision table returned. */
    public static RulesVerdict fromDecisionRows(List<Map<String, Object>> rows) {
        return new RulesVerdict(rows.stream().map(TrackRecordFinding::fromDecisionRow).toList());
    }

    /** FAIL if any rule failed, else CONCERN if any rule raised one, else PASS. */
    public CheckOutcome outcome() {
        boolean concern = false;
        for (TrackRecordFinding f : findings) {
            if (f.outcome() == CheckOutcome.FAIL) {
                return CheckOutcome.FAIL;
            }
            concern = true;
        }
        return concern ? CheckOutcome.CONCERN : CheckOutcome.PASS;
    }

    /** True when something failed and every failure is the span: time alone will fix it. */
    public boolean failedOnlyOnSpan() {
        List<TrackRecordFinding> failures = findings.stream().filter(f -> f.outcome() == CheckOutcome.FAIL).toList();
        return !failures.isEmpty()
                && failures.stream().allMatch(f -> f.reason() == TrackRecordFinding.Reason.SPAN_TOO_SHORT);
    }

    /** The finding of a rule, if it fired. */
    public Optional<TrackRecordFinding> finding(TrackRecordFinding.Reason reason) {
        return findings.stream().filter(f -> f.reason() == reason).findFirst();
    }
}
