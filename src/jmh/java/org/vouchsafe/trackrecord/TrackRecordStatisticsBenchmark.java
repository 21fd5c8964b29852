package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link TrackRecordStatisticsCalculator} against a hand-written loop over primitive arrays on
 * the same data, for 10^4, 10^5 and 10^6 entries (docs/performance.md, "P3"). Targets: the
 * calculator within 2x of the loop; time(10n)/time(n) at most 12.
 *
 * <p>The loop is the least work that gives the same headline figures: one pass filling a
 * latency array (min, max, counts, per-year counts), one {@code Arrays.sort} of it for the
 * percentiles, one sort of the upstream leads. The calculator does more (per-year medians) and
 * starts from the entry objects the service holds, not from ready-made arrays.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec} (options: {@code -Djmh.args="..."}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TrackRecordStatisticsBenchmark {

    private static final LocalDate FILED = LocalDate.of(2026, 11, 27);

    @Param({"10000", "100000", "1000000"})
    public int n;

    private List<TrackRecordEntryInput> entries;
    private int[] publicDay;
    private int[] fixDay;
    private boolean[] via;
    private int[] upstreamDay;
    private final TrackRecordStatisticsCalculator calculator = new TrackRecordStatisticsCalculator();

    @Setup(Level.Trial)
    public void makeData() {
        // Made-up records over ten years: latency mostly 0-6 days with a long tail, a fifth
        // with an upstream fix date, a quarter via (linux-)distros. Dates are shared objects,
        // as a real list of a few thousand distinct days would be.
        SplittableRandom random = new SplittableRandom(20261127);
        LocalDate start = FILED.minusDays(3650);
        LocalDate[] days = new LocalDate[3800];
        for (int d = 0; d < days.length; d++) {
            days[d] = start.plusDays(d);
        }
        entries = new ArrayList<>(n);
        publicDay = new int[n];
        fixDay = new int[n];
        via = new boolean[n];
        upstreamDay = new int[n];
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(3640);
            int latency = random.nextInt(10) < 8 ? random.nextInt(7) : random.nextInt(120);
            int f = Math.max(0, p + latency - (random.nextInt(20) == 0 ? 14 : 0));
            boolean v = random.nextInt(4) == 0;
            Integer u = random.nextInt(5) == 0 ? Math.max(0, f - 3 + random.nextInt(6)) : null;
            entries.add(new TrackRecordEntryInput("CVE-" + i, days[p], days[f], v, "https://example.org/sa",
                    u == null ? null : days[u]));
            publicDay[i] = (int) days[p].toEpochDay();
            fixDay[i] = (int) days[f].toEpochDay();
            via[i] = v;
            upstreamDay[i] = u == null ? Integer.MIN_VALUE : (int) days[u].toEpochDay();
        }
    }

    @Benchmark
    public TrackRecordStatistics calculator() {
        return calculator.calculate(entries, FILED);
    }

    @Benchmark
    public long handWrittenLoop() {
        int[] latency = new int[n];
        int[] leads = new int[n];
        int[] perYear = new int[TrackRecordStatisticsCalculator.MAX_YEAR - TrackRecordStatisticsCalculator.MIN_YEAR + 1];
        int m = 0;
        int minPublic = Integer.MAX_VALUE;
        int maxFix = Integer.MIN_VALUE;
        int within = 0;
        int viaCount = 0;
        for (int i = 0; i < n; i++) {
            int l = Math.max(0, fixDay[i] - publicDay[i]);
            latency[i] = l;
            if (l <= 10) {
                within++;
            }
            if (via[i]) {
                viaCount++;
            }
            minPublic = Math.min(minPublic, publicDay[i]);
            maxFix = Math.max(maxFix, fixDay[i]);
            perYear[yearOfEpochDay(fixDay[i]) - TrackRecordStatisticsCalculator.MIN_YEAR]++;
            if (upstreamDay[i] != Integer.MIN_VALUE) {
                leads[m++] = upstreamDay[i] - fixDay[i];
            }
        }
        Arrays.sort(latency);
        Arrays.sort(leads, 0, m);
        long median2 = (long) latency[(n - 1) / 2] + latency[n / 2];
        int p90 = latency[(int) Math.ceil(0.9 * n) - 1];
        long leadMedian2 = m == 0 ? 0 : (long) leads[(m - 1) / 2] + leads[m / 2];
        return median2 + p90 + latency[n - 1] + leadMedian2 + within + viaCount + minPublic + maxFix
                + perYear[FILED.getYear() - TrackRecordStatisticsCalculator.MIN_YEAR];
    }

    /**
     * Calendar year of an epoch day without allocating a {@code LocalDate} (Howard Hinnant's
     * civil-from-days algorithm); the loop holds only epoch days.
     */
    private static int yearOfEpochDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long year = yoe + era * 400 + (mp >= 10 ? 1 : 0);
        return (int) year;
    }
}
