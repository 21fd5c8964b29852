package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static org.vouchsafe.markup.Markup.escape;

/**
 * Draws the track record as one self-contained SVG document, readable without JavaScript:
 * a histogram of latencies (days from public to fix, with the 10-day line) and a timeline of
 * fixes per month (per year for records longer than 20 years) from the first public date to
 * the filing date, timely and late fixes stacked. The size of the picture does not grow with
 * the number of entries. All text goes through {@link org.vouchsafe.markup.Markup#escape(String)}.
 */
public final class TrackRecordChart {

    private static final int WIDTH = 760;
    private static final int LEFT = 60;
    private static final int PLOT_WIDTH = 660;
    private static final String TIMELY = "#2e7d32";
    private static final String LATE = "#ef6c00";
    private static final String[] BIN_LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
            "11–14", "15–30", "31–90", ">90"};
    private static final int MAX_MONTHS = 240;

    /** The chart of the given entries at the given filing date. */
    public String render(List<TrackRecordEntryInput> entries, TrackRecordStatistics stats) {
        StringBuilder svg = new StringBuilder(16_384);
        int height = 470;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        String summary = stats.entryCount() == 0
                ? "Track record: no entries"
                : "Track record: " + stats.entryCount() + " fixes, median latency "
                + TrackRecordReasons.days(stats.medianLatencyDays()) + ", "
                + TrackRecordReasons.percent(stats.percentWithin10Days()) + " within 10 days, "
                + stats.viaDistrosCount() + " via (linux-)distros";
        svg.append("<title>").append(escape(summary)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(svg, LEFT, 20, escape(summary), "font-size=\"14\" font-weight=\"bold\"");
        if (stats.entryCount() == 0) {
            text(svg, LEFT, 60, "No track-record entries yet.", "");
            return svg.append("</svg>\n").toString();
        }
        histogram(svg, entries, 40, 170);
        timeline(svg, entries, stats, 270, 150);
        return svg.append("</svg>\n").toString();
    }

    private static int bin(long latency) {
        if (latency <= 10) {
            return (int) latency;
        }
        if (latency <= 14) {
            return 11;
        }
        if (latency <= 30) {
            return 12;
        }
        return latency <= 90 ? 13 : 14;
    }

    private void histogram(StringBuilder svg, List<TrackRecordEntryInput> entries, int top, int plotHeight) {
        int[] counts = new int[BIN_LABELS.length];
        for (TrackRecordEntryInput e : entries) {
            counts[bin(Math.max(0, ChronoUnit.DAYS.between(e.publicDate(), e.fixDate())))]++;
        }
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        text(svg, LEFT, top + 14, "Days from public disclosure to fix (number of fixes)", "font-weight=\"bold\"");
        int base = top + 24 + plotHeight;
        double barWidth = (double) PLOT_WIDTH / counts.length;
        axis(svg, base, max, plotHeight);
        for (int i = 0; i < counts.length; i++) {
            double h = (double) counts[i] * plotHeight / max;
            double x = LEFT + i * barWidth;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>%n",
                    x + 2, base - h, barWidth - 4, h, i <= 10 ? TIMELY : LATE,
                    escape(BIN_LABELS[i] + (i == 1 ? " day" : " days")), counts[i]));
            text(svg, x + barWidth / 2, base + 14, escape(BIN_LABELS[i]), "text-anchor=\"middle\"");
        }
        double line = LEFT + 11 * barWidth;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c62828\" stroke-width=\"2\" "
                        + "stroke-dasharray=\"6 4\"/>%n", line, top + 20, line, base));
        text(svg, line + 4, top + 32, "10-day limit", "fill=\"#c62828\"");
    }

    private void timeline(StringBuilder svg, List<TrackRecordEntryInput> entries, TrackRecordStatistics stats,
                          int top, int plotHeight) {
        LocalDate start = stats.earliestPublicDate();
        for (TrackRecordEntryInput e : entries) {
            if (e.fixDate().isBefore(start)) {
                start = e.fixDate();
            }
        }
        LocalDate end = stats.filedOn().isAfter(stats.latestFixDate()) ? stats.filedOn() : stats.latestFixDate();
        YearMonth first = YearMonth.from(start);
        long months = ChronoUnit.MONTHS.between(first, YearMonth.from(end)) + 1;
        boolean byYear = months > MAX_MONTHS;
        int buckets = (int) (byYear ? end.getYear() - start.getYear() + 1 : months);
        int[] timely = new int[buckets];
        int[] late = new int[buckets];
        for (TrackRecordEntryInput e : entries) {
            int b = (int) (byYear ? e.fixDate().getYear() - start.getYear()
                    : ChronoUnit.MONTHS.between(first, YearMonth.from(e.fixDate())));
            if (ChronoUnit.DAYS.between(e.publicDate(), e.fixDate()) <= TrackRecordStatistics.TIMELY_DAYS) {
                timely[b]++;
            } else {
                late[b]++;
            }
        }
        int max = 1;
        for (int b = 0; b < buckets; b++) {
            max = Math.max(max, timely[b] + late[b]);
        }
        text(svg, LEFT, top + 14, "Fixes per " + (byYear ? "year" : "month") + " from " + start + " to filing on "
                + stats.filedOn() + " (green: within 10 days, orange: later)", "font-weight=\"bold\"");
        int base = top + 24 + plotHeight;
        axis(svg, base, max, plotHeight);
        double w = (double) PLOT_WIDTH / buckets;
        for (int b = 0; b < buckets; b++) {
            double x = LEFT + b * w;
            double ht = (double) timely[b] * plotHeight / max;
            double hl = (double) late[b] * plotHeight / max;
            String label = byYear ? Integer.toString(start.getYear() + b) : first.plusMonths(b).toString();
            if (timely[b] + late[b] > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<g><title>%s: %d within 10 days, %d later</title>"
                                + "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>"
                                + "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/></g>%n",
                        escape(label), timely[b], late[b],
                        x, base - ht, Math.max(w - 1, 0.5), ht, TIMELY,
                        x, base - ht - hl, Math.max(w - 1, 0.5), hl, LATE));
            }
        }
        text(svg, LEFT, base + 14, escape(byYear ? Integer.toString(start.getYear()) : first.toString()), "");
        text(svg, LEFT + PLOT_WIDTH, base + 14, escape(byYear ? Integer.toString(end.getYear())
                : YearMonth.from(end).toString()), "text-anchor=\"end\"");
        long totalDays = ChronoUnit.DAYS.between(first.atDay(1), end) + 1;
        LocalDate yearMark = stats.earliestPublicDate().plusDays(365);
        if (!byYear && !yearMark.isAfter(end)) {
            double x = LEFT + (double) ChronoUnit.DAYS.between(first.atDay(1), yearMark) * PLOT_WIDTH / totalDays;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555555\" "
                    + "stroke-dasharray=\"2 3\"/>%n", x, top + 20, x, base));
            text(svg, x + 4, top + 32, escape("one year after first disclosure (" + yearMark + ")"), "fill=\"#555555\"");
        }
    }

    private static void axis(StringBuilder svg, int base, int max, int plotHeight) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n",
                LEFT, base, LEFT + PLOT_WIDTH, base));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n",
                LEFT, base - plotHeight, LEFT, base));
        text(svg, LEFT - 6, base - plotHeight + 4, Integer.toString(max), "text-anchor=\"end\"");
        text(svg, LEFT - 6, base + 4, "0", "text-anchor=\"end\"");
    }

    /** Appends a text element; {@code escapedText} must already be escaped. */
    private static void text(StringBuilder svg, double x, double y, String escapedText, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attributes))
                .append(escapedText).append("</text>\n");
    }
}
