package org.vouchsafe.web;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.RequestStatus;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartsTests {

    @Test
    void shouldDrawOneLabelledBarPerStageWithItsCount() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        List<Dashboard.Stage> funnel = Dashboard.funnel(List.of(
                new Dashboard.RequestFact("a", "A", RequestStatus.IN_REVIEW, now, 1, null, List.of()),
                new Dashboard.RequestFact("b", "B", RequestStatus.IN_REVIEW, now, 1, null, List.of())),
                now, new TargetsProperties(Duration.ofDays(14), Duration.ofDays(30)));

        String svg = SvgCharts.funnel(funnel);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(svg).contains("<title id=\"t\">Requests by stage</title>");
        assertThat(svg.split("<rect ", -1)).hasSize(Dashboard.STAGES.size() + 1);
        assertThat(svg).contains(">in review</text>").contains("class=\"value\">2</text>");
    }

    @Test
    void shouldSaySoWhenThereAreNoDecisions() {
        assertThat(SvgCharts.decisionsOverTime(List.of())).contains("No decisions yet.");
        assertThat(SvgCharts.decisionsOverTime(List.of(new Dashboard.MonthRow(YearMonth.of(2026, 1), 2, 1, 0))))
                .contains(">2026-01</text>").contains("class=\"approved\"").contains("class=\"value\">3</text>");
    }
}
