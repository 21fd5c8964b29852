package org.vouchsafe.bench;

import java.util.List;

/** Percentiles of measured durations (nearest rank). */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    static String ms(double millis) {
        return String.format(java.util.Locale.ROOT, "%.2f", millis);
    }

}
