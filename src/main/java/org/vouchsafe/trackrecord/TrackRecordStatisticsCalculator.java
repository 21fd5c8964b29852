package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link TrackRecordStatistics} in O(n log n) at worst: one pass over the entries, one
 * sort of a primitive {@code long[]} (a counting sort when no latency exceeds
 * {@value #COUNTING_SORT_RANGE} days, the usual case), one linear pass over the sorted array, and one sort of the upstream leads when there are any. No object is allocated per
 * entry: each entry becomes one {@code long} key {@code latency << 32 | viaDistros << 31 | year},
 * so the single sort orders the latencies for the overall percentiles and, scanned once more,
 * yields every year's median.
 * The shipped benchmark ({@code mvn -Pbench}) compares this with a hand-written loop.
 */
public final class TrackRecordStatisticsCalculator {

    /** Earliest fix/public year the calculator accepts; the validators reject earlier dates. */
    public static final int MIN_YEAR = 1970;
    /** Latest year the calculator accepts: keeps the per-year arrays and the key bits bounded. */
    public static final int MAX_YEAR = 9999;

    /** Latencies up to this many days are ordered by counting sort; beyond, by comparison sort. */
    private static final int COUNTING_SORT_RANGE = 4096;
    private static final long VIA_BIT = 1L << 31;
    private static final long YEAR_MASK = VIA_BIT - 1;

    public TrackRecordStatistics calculate(List<TrackRecordEntryInput> entries, LocalDate filedOn) {
        int n = entries.size();
        long[] keys = new long[n];
        int[] leads = null;
        int leadCount = 0;
        long minPublic = Long.MAX_VALUE;
        long maxFix = Long.MIN_VALUE;
        int minYear = Integer.MAX_VALUE;
        int maxYear = Integer.MIN_VALUE;
        int within10 = 0;
        int via = 0;
        long maxLatency = 0;
        // Latency histogram for the counting sort, filled in the same pass; index 0 stays 0 so
        // that the prefix sums give each latency's first slot.
        int[] slots = new int[COUNTING_SORT_RANGE + 2];
        for (int i = 0; i < n; i++) {
            TrackRecordEntryInput e = entries.get(i);
            LocalDate fixDate = e.fixDate();
            LocalDate publicDate = e.publicDate();
            int year = fixDate.getYear();
            checkYear(year, fixDate);
            checkYear(publicDate.getYear(), publicDate);
            long publicDay = publicDate.toEpochDay();
            long fixDay = fixDate.toEpochDay();
            long latency = Math.max(0, fixDay - publicDay);
            boolean v = Boolean.TRUE.equals(e.viaDistrosList());
            keys[i] = latency << 32 | (v ? VIA_BIT : 0) | year;
            if (latency <= TrackRecordStatistics.TIMELY_DAYS) {
                within10++;
            }
            if (v) {
                via++;
            }
            minPublic = Math.min(minPublic, publicDay);
            maxFix = Math.max(maxFix, fixDay);
            minYear = Math.min(minYear, year);
            maxYear = Math.max(maxYear, year);
            maxLatency = Math.max(maxLatency, latency);
            if (latency <= COUNTING_SORT_RANGE) {
                slots[(int) latency + 1]++;
            }
            LocalDate upstream = e.upstreamFixDate();
            if (upstream != null) {
                if (leads == null) {
                    leads = new int[n - i];
                }
                leads[leadCount++] = (int) (upstream.toEpochDay() - fixDay);
            }
        }
        return summarise(keys, n, slots, maxLatency, leads, leadCount, minPublic, maxFix, minYear, maxYear, within10, via, filedOn);
    }

    private static void checkYear(int year, LocalDate date) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("date " + date + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
        }
    }

    private static TrackRecordStatistics summarise(long[] unsorted, int n, int[] slots, long maxLatency,
                                                   int[] leads, int leadCount,
                                                   long minPublic, long maxFix, int minYear, int maxYear,
                                                   int within10, int via, LocalDate filedOn) {
        if (n == 0) {
            return new TrackRecordStatistics(filedOn, 0, null, null, 0, null, null, null, null,
                    0, 0.0, 0, List.of(), null);
        }
        int years = maxYear - minYear + 1;
        int[] count = new int[years];
        int[] timely = new int[years];
        int[] viaPerYear = new int[years];
        long[] keys = sortByLatencyCountingYears(unsorted, n, slots, maxLatency, minYear, count, timely, viaPerYear);
        long filedDay = filedOn.toEpochDay();
        double median = (latency(keys[(n - 1) / 2]) + latency(keys[n / 2])) / 2.0;
        int p90 = latency(keys[nearestRank(0.9, n) - 1]);
        int max = latency(keys[n - 1]);
        // Keys are sorted by latency, so a year's r-th key met in this scan is its r-th smallest
        // latency: the medians fall out of one more linear pass, without sorting per year.
        int[] seen = new int[years];
        long[] medianSum = new long[years];
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            int y = (int) (k & YEAR_MASK) - minYear;
            int rank = seen[y]++;
            int c = count[y];
            if (rank == (c - 1) / 2) {
                medianSum[y] += latency(k);
            }
            if (rank == c / 2) {
                medianSum[y] += latency(k);
            }
        }
        List<TrackRecordStatistics.YearStatistics> perYear = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            if (count[y] > 0) {
                perYear.add(new TrackRecordStatistics.YearStatistics(minYear + y, count[y], timely[y],
                        viaPerYear[y], medianSum[y] / 2.0));
            }
        }
        return new TrackRecordStatistics(filedOn, n,
                LocalDate.ofEpochDay(minPublic), LocalDate.ofEpochDay(maxFix),
                Math.max(0, filedDay - minPublic), Math.max(0, filedDay - maxFix),
                median, p90, max, within10, (double) within10 / n, via, perYear,
                upstreamLead(leads, leadCount));
    }

    /**
     * Orders the keys by latency and counts each year's entries on the way. Latencies are whole
     * days and nearly always below {@value #COUNTING_SORT_RANGE}, so a counting sort (O(n), its
     * histogram filled by the first pass) does it in one scatter pass; a record with a longer
     * latency falls back to {@code Arrays.sort} (O(n log n)). Only the latency order matters:
     * the median pass needs nothing else.
     */
    private static long[] sortByLatencyCountingYears(long[] keys, int n, int[] slots, long maxLatency, int minYear,
                                                     int[] count, int[] timely, int[] viaPerYear) {
        long[] sorted;
        if (maxLatency <= COUNTING_SORT_RANGE) {
            int top = (int) maxLatency + 1;
            for (int l = 1; l <= top; l++) {
                slots[l] += slots[l - 1];
            }
            sorted = new long[n];
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                sorted[slots[latency(k)]++] = k;
                countYear(k, minYear, count, timely, viaPerYear);
            }
        } else {
            sorted = keys;
            Arrays.sort(sorted, 0, n);
            for (int i = 0; i < n; i++) {
                countYear(sorted[i], minYear, count, timely, viaPerYear);
            }
        }
        return sorted;
    }

    private static void countYear(long k, int minYear, int[] count, int[] timely, int[] viaPerYear) {
        int y = (int) (k & YEAR_MASK) - minYear;
        count[y]++;
        if (latency(k) <= TrackRecordStatistics.TIMELY_DAYS) {
            timely[y]++;
        }
        if ((k & VIA_BIT) != 0) {
            viaPerYear[y]++;
        }
    }

    private static TrackRecordStatistics.UpstreamLead upstreamLead(int[] leads, int m) {
        if (m == 0) {
            return null;
        }
        Arrays.sort(leads, 0, m);
        int noLater = m - firstAtLeastZero(leads, m);
        double median = ((long) leads[(m - 1) / 2] + leads[m / 2]) / 2.0;
        return new TrackRecordStatistics.UpstreamLead(m, median, noLater, (double) noLater / m);
    }

    /** Index of the first non-negative value of a sorted array (binary search; leads may repeat). */
    private static int firstAtLeastZero(int[] sorted, int m) {
        int lo = 0;
        int hi = m;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int latency(long key) {
        return (int) (key >>> 32);
    }

    /** 1-based nearest rank of a percentile: the smallest rank covering {@code p} of the values. */
    static int nearestRank(double p, int n) {
        return Math.max(1, (int) Math.ceil(p * n - 1e-9));
    }
}
