package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackRecordStatisticsCalculatorTests {

    private static final LocalDate FILED = LocalDate.of(2026, 11, 27);
    private final TrackRecordStatisticsCalculator calculator = new TrackRecordStatisticsCalculator();

    static TrackRecordEntryInput entry(String issue, String publicDate, String fixDate, boolean via) {
        return new TrackRecordEntryInput(issue, LocalDate.parse(publicDate), LocalDate.parse(fixDate), via,
                "https://example.org/sa/" + issue, null);
    }

    @Test
    void shouldComputeSpanRecencyAndLatencyDistribution() {
        List<TrackRecordEntryInput> entries = List.of(
                entry("CVE-2025-1001", "2025-06-01", "2025-06-03", true),   // 2
                entry("CVE-2025-1002", "2025-09-10", "2025-09-10", false),  // 0
                entry("CVE-2026-1003", "2026-02-01", "2026-02-11", false),  // 10, still timely
                entry("CVE-2026-1004", "2026-05-01", "2026-05-12", true),   // 11, late
                entry("CVE-2026-1005", "2026-11-01", "2026-10-20", false)); // fixed under embargo: 0

        TrackRecordStatistics s = calculator.calculate(entries, FILED);

        assertThat(s.entryCount()).isEqualTo(5);
        assertThat(s.earliestPublicDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(s.spanDays()).isEqualTo(544);
        assertThat(s.latestFixDate()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(s.daysSinceLatestFix()).isEqualTo(38);
        assertThat(s.medianLatencyDays()).isEqualTo(2.0);
        assertThat(s.p90LatencyDays()).isEqualTo(11);
        assertThat(s.maxLatencyDays()).isEqualTo(11);
        assertThat(s.within10Days()).isEqualTo(4);
        assertThat(s.shareWithin10Days()).isEqualTo(0.8);
        assertThat(s.viaDistrosCount()).isEqualTo(2);
        assertThat(s.upstreamLead()).isNull();
    }

    @Test
    void shouldBreakDownPerYearOfTheFixWithMedians() {
        List<TrackRecordEntryInput> entries = List.of(
                entry("A-1", "2024-12-30", "2025-01-02", true),  // 3 days, 2025
                entry("A-2", "2025-03-01", "2025-03-21", false), // 20 days, 2025
                entry("A-3", "2025-04-01", "2025-04-02", false), // 1 day, 2025
                entry("A-4", "2026-01-01", "2026-01-05", true),  // 4, 2026
                entry("A-5", "2026-02-01", "2026-02-07", true)); // 6, 2026

        TrackRecordStatistics s = calculator.calculate(entries, FILED);

        assertThat(s.perYear()).containsExactly(
                new TrackRecordStatistics.YearStatistics(2025, 3, 2, 1, 3.0),
                new TrackRecordStatistics.YearStatistics(2026, 2, 2, 2, 5.0));
        assertThat(s.medianLatencyDays()).isEqualTo(4.0);
    }

    @Test
    void shouldAverageTheTwoMiddleLatenciesForAnEvenCount() {
        List<TrackRecordEntryInput> entries = List.of(
                entry("B-1", "2026-01-01", "2026-01-02", true),
                entry("B-2", "2026-01-01", "2026-01-04", true));

        assertThat(calculator.calculate(entries, FILED).medianLatencyDays()).isEqualTo(2.0);
    }

    @Test
    void shouldTakeTheNearestRankAsP90() {
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            entries.add(entry("C-" + i, "2026-01-01", LocalDate.of(2026, 1, 1).plusDays(i).toString(), false));
        }

        TrackRecordStatistics s = calculator.calculate(entries, FILED);

        // 20 latencies 1..20: rank ceil(0.9 * 20) = 18
        assertThat(s.p90LatencyDays()).isEqualTo(18);
        assertThat(s.medianLatencyDays()).isEqualTo(10.5);
        assertThat(s.within10Days()).isEqualTo(10);
    }

    @Test
    void shouldMeasureTheLeadOverUpstream() {
        List<TrackRecordEntryInput> entries = List.of(
                new TrackRecordEntryInput("D-1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"), true,
                        "https://example.org/d1", LocalDate.parse("2026-01-05")),   // 2 days ahead
                new TrackRecordEntryInput("D-2", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-04"), true,
                        "https://example.org/d2", LocalDate.parse("2026-02-04")),   // same day
                new TrackRecordEntryInput("D-3", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-09"), true,
                        "https://example.org/d3", LocalDate.parse("2026-03-02")),   // 7 days behind
                entry("D-4", "2026-04-01", "2026-04-02", false));                   // no upstream date

        TrackRecordStatistics.UpstreamLead lead = calculator.calculate(entries, FILED).upstreamLead();

        assertThat(lead.entries()).isEqualTo(3);
        assertThat(lead.medianLeadDays()).isEqualTo(0.0);
        assertThat(lead.noLaterThanUpstream()).isEqualTo(2);
        assertThat(lead.shareNoLaterThanUpstream()).isEqualTo(2.0 / 3);
    }

    @Test
    void shouldGiveNullFiguresWithoutEntries() {
        TrackRecordStatistics s = calculator.calculate(List.of(), FILED);

        assertThat(s.entryCount()).isZero();
        assertThat(s.spanDays()).isZero();
        assertThat(s.medianLatencyDays()).isNull();
        assertThat(s.daysSinceLatestFix()).isNull();
        assertThat(s.perYear()).isEmpty();
    }

    @Test
    void shouldRefuseDatesOutsideTheSupportedYears() {
        List<TrackRecordEntryInput> entries = List.of(entry("E-1", "1969-12-31", "2026-01-01", true));

        assertThatThrownBy(() -> calculator.calculate(entries, FILED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1969-12-31");
    }

    @Test
    void shouldAgreeWithANaiveComputationForNarrowAndWideLatencyRanges() {
        // Narrow: the counting sort; wide (up to 30 years for a few entries): the comparison sort.
        for (int maxLatency : new int[]{15, 200, 11_000}) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(maxLatency);
            List<TrackRecordEntryInput> entries = new ArrayList<>();
            int n = maxLatency > 5000 ? 7 : 2001;
            for (int i = 0; i < n; i++) {
                LocalDate fix = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
                entries.add(new TrackRecordEntryInput("F-" + i, fix.minusDays(random.nextInt(maxLatency + 1)), fix,
                        random.nextBoolean(), "https://example.org/", null));
            }

            TrackRecordStatistics s = calculator.calculate(entries, FILED);

            java.util.Map<Integer, List<Long>> byYear = new java.util.TreeMap<>();
            List<Long> all = new ArrayList<>();
            for (TrackRecordEntryInput e : entries) {
                long l = Math.max(0, e.fixDate().toEpochDay() - e.publicDate().toEpochDay());
                all.add(l);
                byYear.computeIfAbsent(e.fixDate().getYear(), y -> new ArrayList<>()).add(l);
            }
            assertThat(s.medianLatencyDays()).as("median, range " + maxLatency).isEqualTo(naiveMedian(all));
            assertThat(s.maxLatencyDays().longValue()).isEqualTo(all.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(s.perYear()).extracting(TrackRecordStatistics.YearStatistics::year)
                    .containsExactlyElementsOf(byYear.keySet());
            for (TrackRecordStatistics.YearStatistics y : s.perYear()) {
                assertThat(y.medianLatencyDays()).as("median of " + y.year()).isEqualTo(naiveMedian(byYear.get(y.year())));
                assertThat(y.entries()).isEqualTo(byYear.get(y.year()).size());
            }
        }
    }

    private static double naiveMedian(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
    }
}
