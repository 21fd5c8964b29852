package org.vouchsafe.web;

import java.util.List;
import java.util.Locale;

import static org.vouchsafe.markup.Markup.escape;

/**
 * The dashboard's charts as SVG text, drawn on the server so that no chart library or
 * front-end build is needed. Every chart carries a title and description for screen
 * readers; the page also shows the same numbers as a table.
 */
final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int LABEL = 170;
    private static final int BAR_HEIGHT = 22;
    private static final int GAP = 6;

    private SvgCharts() {
    }

    /** Horizontal bars, one per stage, in process order. */
    static String funnel(List<Dashboard.Stage> stages) {
        int max = Math.max(1, stages.stream().mapToInt(Dashboard.Stage::count).max().orElse(1));
        int height = stages.size() * (BAR_HEIGHT + GAP) + GAP;
        StringBuilder svg = open(height, "Requests by stage",
                "Number of membership requests in each stage of the process, in process order.");
        int y = GAP;
        for (Dashboard.Stage stage : stages) {
            int bar = stage.count() == 0 ? 0 : Math.max(2, (WIDTH - LABEL - 50) * stage.count() / max);
            String css = stage.status().isClosed() ? "closed" : "open";
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"value\">%d</text>",
                    LABEL - 8, y + 16, escape(label(stage.status().name())), LABEL, y, bar, BAR_HEIGHT, css,
                    LABEL + bar + 6, y + 16, stage.count()));
            y += BAR_HEIGHT + GAP;
        }
        return svg.append("</svg>").toString();
    }

    /** Stacked columns per month: approved, rejected, deferred. */
    static String decisionsOverTime(List<Dashboard.MonthRow> months) {
        int chartHeight = 160;
        int height = chartHeight + 60;
        StringBuilder svg = open(height, "Decisions over time",
                "Decisions per month, stacked by outcome: approved, rejected, deferred.");
        if (months.isEmpty()) {
            svg.append("<text x=\"10\" y=\"30\" class=\"label\">No decisions yet.</text>");
            return svg.append("</svg>").toString();
        }
        int max = Math.max(1, months.stream().mapToInt(Dashboard.MonthRow::total).max().orElse(1));
        int slot = Math.max(24, Math.min(80, (WIDTH - 40) / months.size()));
        int x = 30;
        for (Dashboard.MonthRow m : months) {
            int base = chartHeight + 10;
            int[] values = {m.approved(), m.rejected(), m.deferred()};
            String[] classes = {"approved", "rejected", "deferred"};
            for (int i = 0; i < values.length; i++) {
                int h = chartHeight * values[i] / max;
                if (h > 0) {
                    base -= h;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"/>",
                            x, base, slot - 8, h, classes[i]));
                }
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">%d</text>", x, base - 4, m.total()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", x, chartHeight + 28,
                    escape(m.month().toString())));
            x += slot;
        }
        svg.append(String.format(Locale.ROOT,
                "<g class=\"legend\"><rect x=\"30\" y=\"%1$d\" width=\"10\" height=\"10\" class=\"approved\"/>"
                        + "<text x=\"44\" y=\"%2$d\">approved</text>"
                        + "<rect x=\"120\" y=\"%1$d\" width=\"10\" height=\"10\" class=\"rejected\"/>"
                        + "<text x=\"134\" y=\"%2$d\">rejected</text>"
                        + "<rect x=\"210\" y=\"%1$d\" width=\"10\" height=\"10\" class=\"deferred\"/>"
                        + "<text x=\"224\" y=\"%2$d\">deferred</text></g>", chartHeight + 40, chartHeight + 49));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height, String title, String description) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "aria-labelledby=\"t d\"><title id=\"t\">%s</title><desc id=\"d\">%s</desc>"
                        + "<style>text{font:13px sans-serif;fill:#222}.open{fill:#2f6fb0}.closed{fill:#9aa5b1}"
                        + ".approved{fill:#2e7d32}.rejected{fill:#c62828}.deferred{fill:#f9a825}</style>",
                WIDTH, height, WIDTH, height, escape(title), escape(description)));
    }

    /** IN_REVIEW → "in review". */
    static String label(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
