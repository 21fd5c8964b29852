package org.vouchsafe.web;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.DecisionOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final TargetsProperties TARGETS = new TargetsProperties(Duration.ofDays(14), Duration.ofDays(30));

    static Dashboard.RequestFact request(String id, RequestStatus status, int daysOld, String... eligible) {
        return new Dashboard.RequestFact(id, "Distro " + id, status, NOW.minus(Duration.ofDays(daysOld)), 1, "/camunda/app/cockpit/default/#/process-instance/pi-" + id,
                List.of(eligible));
    }

    @Test
    void shouldCountEveryStageInProcessOrderAndListOnlyOpenRequests() {
        List<Dashboard.Stage> funnel = Dashboard.funnel(List.of(
                request("a", RequestStatus.IN_REVIEW, 2), request("b", RequestStatus.IN_REVIEW, 5),
                request("c", RequestStatus.APPROVED, 40), request("d", RequestStatus.AWAITING_DECISION, 20)), NOW, TARGETS);

        assertThat(funnel).extracting(Dashboard.Stage::status).containsExactlyElementsOf(Dashboard.STAGES);
        Dashboard.Stage review = funnel.get(1);
        assertThat(review.count()).isEqualTo(2);
        // oldest first, so the one waiting longest is on top
        assertThat(review.requests()).extracting(Dashboard.OpenRequest::id).containsExactly("b", "a");
        Dashboard.Stage approved = funnel.stream().filter(s -> s.status() == RequestStatus.APPROVED).findFirst().orElseThrow();
        assertThat(approved.count()).isEqualTo(1);
        assertThat(approved.requests()).isEmpty();
    }

    @Test
    void shouldFlagReviewOverdueOnlyBeforeTheDecisionStage() {
        assertThat(Dashboard.overdue(request("a", RequestStatus.IN_REVIEW, 13), NOW, TARGETS)).isEmpty();
        assertThat(Dashboard.overdue(request("a", RequestStatus.IN_REVIEW, 15), NOW, TARGETS))
                .containsExactly("review target of 14 days exceeded");
        assertThat(Dashboard.overdue(request("a", RequestStatus.AWAITING_DECISION, 20), NOW, TARGETS)).isEmpty();
        assertThat(Dashboard.overdue(request("a", RequestStatus.AWAITING_DECISION, 31), NOW, TARGETS))
                .containsExactly("decision target of 30 days exceeded");
        assertThat(Dashboard.overdue(request("a", RequestStatus.NEEDS_INFO, 31), NOW, TARGETS)).hasSize(2);
    }

    @Test
    void shouldNeverCallDeferredOrClosedRequestsOverdue() {
        assertThat(Dashboard.overdue(request("a", RequestStatus.DEFERRED, 90), NOW, TARGETS)).isEmpty();
        assertThat(Dashboard.overdue(request("a", RequestStatus.REJECTED, 90), NOW, TARGETS)).isEmpty();
    }

    @Test
    void shouldCountCastPendingAndOverdueVotesPerReviewer() {
        List<Dashboard.RequestFact> requests = List.of(
                request("fresh", RequestStatus.IN_REVIEW, 3, "r1", "r2"),
                request("late", RequestStatus.IN_REVIEW, 20, "r1", "r2", "r3"),
                request("done", RequestStatus.APPROVED, 60, "r1"));
        List<Dashboard.VoteFact> votes = List.of(
                new Dashboard.VoteFact("fresh", 1, "r1"),
                new Dashboard.VoteFact("done", 1, "r1"),
                new Dashboard.VoteFact("done", 1, "r3"),
                // a vote of an earlier round does not count for the current round
                new Dashboard.VoteFact("late", 0, "r2"));

        List<Dashboard.ReviewerRow> rows = Dashboard.participation(requests, votes, NOW, TARGETS);

        assertThat(rows).containsExactly(
                new Dashboard.ReviewerRow("r1", 2, 1, 1),
                new Dashboard.ReviewerRow("r2", 1, 2, 1),
                new Dashboard.ReviewerRow("r3", 1, 1, 1));
    }

    @Test
    void shouldTakeTheMedianOfFilingToFirstFinalDecision() {
        List<Dashboard.RequestFact> requests = List.of(request("a", RequestStatus.APPROVED, 40),
                request("b", RequestStatus.REJECTED, 40), request("c", RequestStatus.APPROVED, 40));
        Instant filed = NOW.minus(Duration.ofDays(40));
        List<Dashboard.DecisionFact> decisions = List.of(
                new Dashboard.DecisionFact("a", DecisionOutcome.DEFERRED, filed.plus(Duration.ofDays(1))),
                new Dashboard.DecisionFact("a", DecisionOutcome.APPROVED, filed.plus(Duration.ofDays(10))),
                new Dashboard.DecisionFact("b", DecisionOutcome.REJECTED, filed.plus(Duration.ofDays(2))),
                new Dashboard.DecisionFact("c", DecisionOutcome.APPROVED, filed.plus(Duration.ofDays(30))));

        assertThat(Dashboard.median(requests, decisions)).contains(Duration.ofDays(10));
        assertThat(Dashboard.median(requests.subList(0, 2), decisions)).contains(Duration.ofDays(6));
        assertThat(Dashboard.median(requests, List.of())).isEmpty();
    }

    @Test
    void shouldGroupDecisionsByMonthAndOutcome() {
        List<Dashboard.MonthRow> months = Dashboard.decisionsByMonth(List.of(
                new Dashboard.DecisionFact("a", DecisionOutcome.APPROVED, Instant.parse("2026-01-31T23:59:00Z")),
                new Dashboard.DecisionFact("b", DecisionOutcome.REJECTED, Instant.parse("2026-01-02T00:00:00Z")),
                new Dashboard.DecisionFact("c", DecisionOutcome.DEFERRED, Instant.parse("2026-02-01T00:00:00Z"))));

        assertThat(months).containsExactly(new Dashboard.MonthRow(YearMonth.of(2026, 1), 1, 1, 0),
                new Dashboard.MonthRow(YearMonth.of(2026, 2), 0, 0, 1));
    }

    @Test
    void shouldWriteDurationsAsPeopleReadThem() {
        assertThat(Dashboard.human(Duration.ofHours(50))).isEqualTo("2 days 2 h");
        assertThat(Dashboard.human(Duration.ofMinutes(75))).isEqualTo("1 h 15 min");
        assertThat(Dashboard.days(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(Dashboard.days(Duration.ofMinutes(10))).isEqualTo("PT10M");
    }
}
