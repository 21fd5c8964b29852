package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRecordChartTests {

    private static final LocalDate FILED = LocalDate.of(2026, 11, 27);
    private final TrackRecordChart chart = new TrackRecordChart();
    private final TrackRecordStatisticsCalculator calculator = new TrackRecordStatisticsCalculator();

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private String render(List<TrackRecordEntryInput> entries) {
        return chart.render(entries, calculator.calculate(entries, FILED));
    }

    @Test
    void shouldDrawAWellFormedHistogramWithThe10DayLineAndATimeline() throws Exception {
        List<TrackRecordEntryInput> entries = List.of(
                TrackRecordStatisticsCalculatorTests.entry("CVE-2025-1", "2025-01-10", "2025-01-12", true),
                TrackRecordStatisticsCalculatorTests.entry("CVE-2025-2", "2025-06-10", "2025-07-30", false),
                TrackRecordStatisticsCalculatorTests.entry("CVE-2026-3", "2026-10-10", "2026-10-10", true));

        String svg = render(entries);

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
                : doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg).contains("10-day limit", "Fixes per month from 2025-01-10 to filing on 2026-11-27",
                "<title>2 days: 1</title>", "<title>&gt;90 days: 0</title>", "<title>31–90 days: 1</title>",
                "<title>2025-07: 0 within 10 days, 1 later</title>", "one year after first disclosure (2026-01-10)");
        assertThat(svg).doesNotContain("<script");
    }

    @Test
    void shouldKeepThePictureSmallForLargeRecords() throws Exception {
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        LocalDate start = LocalDate.of(2016, 1, 1);
        for (int i = 0; i < 50_000; i++) {
            LocalDate published = start.plusDays(i % 3900);
            entries.add(new TrackRecordEntryInput("X-" + i, published, published.plusDays(i % 17), i % 2 == 0,
                    "https://example.org/" + i, null));
        }

        String svg = render(entries);

        parse(svg);
        assertThat(svg.length()).isLessThan(100_000);
        assertThat(svg).contains("Track record: 50000 fixes");
    }

    @Test
    void shouldSayThereAreNoEntries() throws Exception {
        String svg = render(List.of());

        parse(svg);
        assertThat(svg).contains("No track-record entries yet.");
    }
}
