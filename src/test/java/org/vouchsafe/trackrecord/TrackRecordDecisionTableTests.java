package org.vouchsafe.trackrecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vouchsafe.criteria.CheckOutcome;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.FEW_ENTRIES;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.FEW_VIA_DISTROS;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.FEW_WITHIN_10_DAYS;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.MEDIAN_LATENCY_TOO_HIGH;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.NOT_CURRENT;
import static org.vouchsafe.trackrecord.TrackRecordFinding.Reason.SPAN_TOO_SHORT;

/** Every rule of processes/track-record.dmn at and beside its boundary. */
class TrackRecordDecisionTableTests {

    /** A record that passes every rule; each test moves one figure. */
    private static Map<String, Object> passing() {
        Map<String, Object> v = new HashMap<>();
        v.put(TrackRecordRules.INPUT_SPAN_DAYS, 400L);
        v.put(TrackRecordRules.INPUT_MEDIAN_LATENCY, 2.0);
        v.put(TrackRecordRules.INPUT_PERCENT_WITHIN_10, 97.0);
        v.put(TrackRecordRules.INPUT_DAYS_SINCE_LATEST_FIX, 5L);
        v.put(TrackRecordRules.INPUT_VIA_DISTROS_COUNT, 3L);
        v.put(TrackRecordRules.INPUT_ENTRY_COUNT, 20L);
        return v;
    }

    private static RulesVerdict with(String variable, Object value) {
        Map<String, Object> v = passing();
        v.put(variable, value);
        return DmnFileRules.evaluate(v);
    }

    @Test
    void shouldPassWhenNoRuleFires() {
        RulesVerdict verdict = DmnFileRules.evaluate(passing());

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @ParameterizedTest
    @CsvSource({"364, true", "365, false", "0, true", "366, false"})
    void shouldFailOnSpanShorterThan365Days(long spanDays, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_SPAN_DAYS, spanDays);

        assertThat(verdict.finding(SPAN_TOO_SHORT).isPresent()).isEqualTo(fires);
        if (fires) {
            assertThat(verdict.outcome()).isEqualTo(CheckOutcome.FAIL);
            assertThat(verdict.finding(SPAN_TOO_SHORT).orElseThrow().limit()).isEqualTo(365.0);
            assertThat(verdict.failedOnlyOnSpan()).isTrue();
        } else {
            assertThat(verdict.outcome()).isEqualTo(CheckOutcome.PASS);
        }
    }

    @ParameterizedTest
    @CsvSource({"10.0, false", "10.5, true", "9.5, false", "11.0, true"})
    void shouldFailOnMedianLatencyAbove10Days(double median, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_MEDIAN_LATENCY, median);

        assertThat(verdict.finding(MEDIAN_LATENCY_TOO_HIGH).isPresent()).isEqualTo(fires);
        assertThat(verdict.outcome()).isEqualTo(fires ? CheckOutcome.FAIL : CheckOutcome.PASS);
        assertThat(verdict.failedOnlyOnSpan()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"90.0, false", "89.99, true", "100.0, false", "0.0, true"})
    void shouldRaiseConcernBelow90PercentWithin10Days(double percent, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_PERCENT_WITHIN_10, percent);

        assertThat(verdict.finding(FEW_WITHIN_10_DAYS).isPresent()).isEqualTo(fires);
        assertThat(verdict.outcome()).isEqualTo(fires ? CheckOutcome.CONCERN : CheckOutcome.PASS);
    }

    @ParameterizedTest
    @CsvSource({"90, false", "91, true", "0, false"})
    void shouldRaiseConcernWhenLatestFixIsOlderThan90Days(long days, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_DAYS_SINCE_LATEST_FIX, days);

        assertThat(verdict.finding(NOT_CURRENT).isPresent()).isEqualTo(fires);
        assertThat(verdict.outcome()).isEqualTo(fires ? CheckOutcome.CONCERN : CheckOutcome.PASS);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, false"})
    void shouldRaiseConcernWithoutEntriesHandledViaDistros(long count, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_VIA_DISTROS_COUNT, count);

        assertThat(verdict.finding(FEW_VIA_DISTROS).isPresent()).isEqualTo(fires);
        assertThat(verdict.outcome()).isEqualTo(fires ? CheckOutcome.CONCERN : CheckOutcome.PASS);
    }

    @ParameterizedTest
    @CsvSource({"4, true", "5, false", "1, true"})
    void shouldRaiseConcernWithFewerThan5Entries(long count, boolean fires) {
        RulesVerdict verdict = with(TrackRecordRules.INPUT_ENTRY_COUNT, count);

        assertThat(verdict.finding(FEW_ENTRIES).isPresent()).isEqualTo(fires);
        assertThat(verdict.outcome()).isEqualTo(fires ? CheckOutcome.CONCERN : CheckOutcome.PASS);
    }

    @Test
    void shouldCollectEveryRuleThatFiresInTableOrder() {
        Map<String, Object> v = passing();
        v.put(TrackRecordRules.INPUT_SPAN_DAYS, 100L);
        v.put(TrackRecordRules.INPUT_MEDIAN_LATENCY, 30.0);
        v.put(TrackRecordRules.INPUT_ENTRY_COUNT, 3L);

        RulesVerdict verdict = DmnFileRules.evaluate(v);

        assertThat(verdict.findings()).extracting(TrackRecordFinding::reason)
                .containsExactly(SPAN_TOO_SHORT, MEDIAN_LATENCY_TOO_HIGH, FEW_ENTRIES);
        assertThat(verdict.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(verdict.failedOnlyOnSpan()).isFalse();
    }

    @Test
    void shouldNotFireFigureRulesWithoutEntries() {
        // given: the inputs of an empty record, as TrackRecordRules.inputs makes them
        TrackRecordStatistics empty = new TrackRecordStatisticsCalculator().calculate(List.of(),
                java.time.LocalDate.of(2026, 11, 27));

        // when
        RulesVerdict verdict = new DmnFileRules().evaluate(empty);

        // then: only the rules that can judge an empty record speak
        assertThat(verdict.findings()).extracting(TrackRecordFinding::reason)
                .containsExactly(SPAN_TOO_SHORT, FEW_VIA_DISTROS, FEW_ENTRIES);
    }

    @Test
    void shouldKeepEachLimitEqualToItsThreshold() {
        // The limit output is what people are told; a rule firing just past its limit proves they agree.
        assertThat(with(TrackRecordRules.INPUT_SPAN_DAYS, 364L).finding(SPAN_TOO_SHORT).orElseThrow().limit()).isEqualTo(365.0);
        assertThat(with(TrackRecordRules.INPUT_MEDIAN_LATENCY, 10.01).finding(MEDIAN_LATENCY_TOO_HIGH).orElseThrow().limit()).isEqualTo(10.0);
        assertThat(with(TrackRecordRules.INPUT_PERCENT_WITHIN_10, 89.99).finding(FEW_WITHIN_10_DAYS).orElseThrow().limit()).isEqualTo(90.0);
        assertThat(with(TrackRecordRules.INPUT_DAYS_SINCE_LATEST_FIX, 91L).finding(NOT_CURRENT).orElseThrow().limit()).isEqualTo(90.0);
        assertThat(with(TrackRecordRules.INPUT_VIA_DISTROS_COUNT, 0L).finding(FEW_VIA_DISTROS).orElseThrow().limit()).isEqualTo(1.0);
        assertThat(with(TrackRecordRules.INPUT_ENTRY_COUNT, 4L).finding(FEW_ENTRIES).orElseThrow().limit()).isEqualTo(5.0);
    }
}
