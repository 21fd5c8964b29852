package org.vouchsafe.trackrecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The criterion-3 thresholds, kept outside the code so that a list admin can change them.
 * The application implements it with the DMN decision {@value #DECISION_KEY}
 * ({@code processes/track-record.dmn}, always its latest deployed version); the domain only
 * sees this interface.
 *
 * <p>The decision is a COLLECT table. Its inputs are the variables named by the constants
 * below, filled by {@link #inputs(TrackRecordStatistics)}; each rule that fires yields one row
 * with the outputs {@value #OUTPUT_OUTCOME} ({@code FAIL} or {@code CONCERN}),
 * {@value #OUTPUT_REASON} (a {@link TrackRecordFinding.Reason} code) and {@value #OUTPUT_LIMIT}
 * (the threshold of that rule, for the sentence shown to people). No row means PASS.
 */
public interface TrackRecordRules {

    String DECISION_KEY = "trackRecord";

    String INPUT_SPAN_DAYS = "spanDays";
    String INPUT_MEDIAN_LATENCY = "medianLatency";
    String INPUT_PERCENT_WITHIN_10 = "percentWithin10";
    String INPUT_DAYS_SINCE_LATEST_FIX = "daysSinceLatestFix";
    String INPUT_VIA_DISTROS_COUNT = "viaDistrosCount";
    String INPUT_ENTRY_COUNT = "entryCount";

    String OUTPUT_OUTCOME = "outcome";
    String OUTPUT_REASON = "reason";
    String OUTPUT_LIMIT = "limit";

    /** Evaluates the current thresholds against the statistics. */
    RulesVerdict evaluate(TrackRecordStatistics statistics);

    /**
     * The decision's input variables. Figures that need an entry are null without entries, so
     * that their rules cannot fire on a made-up value (the span and count rules still do).
     */
    static Map<String, Object> inputs(TrackRecordStatistics s) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(INPUT_SPAN_DAYS, s.spanDays());
        vars.put(INPUT_MEDIAN_LATENCY, s.medianLatencyDays());
        vars.put(INPUT_PERCENT_WITHIN_10, s.entryCount() == 0 ? null : s.percentWithin10Days());
        vars.put(INPUT_DAYS_SINCE_LATEST_FIX, s.daysSinceLatestFix());
        vars.put(INPUT_VIA_DISTROS_COUNT, (long) s.viaDistrosCount());
        vars.put(INPUT_ENTRY_COUNT, (long) s.entryCount());
        return vars;
    }
}
