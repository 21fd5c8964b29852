package org.vouchsafe.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.EventTrail;
import org.vouchsafe.support.Filings;
import org.vouchsafe.membership.DecisionOutcome;
import org.vouchsafe.membership.RequestDecided;
import org.vouchsafe.review.VoteCast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.intake.RequestStatus.APPROVED;
import static org.vouchsafe.intake.RequestStatus.AWAITING_DECISION;
import static org.vouchsafe.intake.RequestStatus.DEFERRED;
import static org.vouchsafe.intake.RequestStatus.IN_REVIEW;
import static org.vouchsafe.intake.RequestStatus.NEEDS_INFO;
import static org.vouchsafe.intake.RequestStatus.OBJECTION_WINDOW;
import static org.vouchsafe.intake.RequestStatus.REJECTED;
import static org.vouchsafe.intake.RequestStatus.WITHDRAWN;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/**
 * Every path through {@code membership-request.bpmn}, and the statuses a request enters on it, in
 * order (as {@code RequestStatusChanged} events). The status has one owner, the process model, so
 * the sequence each path shows here is the whole story a request's status can tell.
 */
@VouchsafeTest
class StatusPathsTests extends ProcessTestSupport {

    @Autowired
    EventTrail events;

    @Test
    void shouldGoThroughReviewAndTheObjectionWindowToApproval() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            voteOk(reviewer, id, "APPROVE", null);
        }
        management.executeJob(timer(instance, OBJECTION_WINDOW_CLOSED).getId());
        awaitDecisionTask(instance); // after the admins' mail, in a job of its own
        decideOk(id, org.vouchsafe.support.Proofs.approvalExcepting("Meets the criteria.", "ann@example.org"));

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, OBJECTION_WINDOW, AWAITING_DECISION, APPROVED);
        // and the votes and the decision were published as they were taken, each with what it changed
        assertThat(events.of(id, VoteCast.class)).extracting(v -> v.tally().approve()).containsExactly(1, 2, 3);
        assertThat(events.of(id, RequestDecided.class)).extracting(RequestDecided::outcome, RequestDecided::decidedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionOutcome.APPROVED, "admin"));
    }

    @Test
    void shouldGoFromAnObjectionInTheRoundToTheAdminAndRejection() {
        String id = file(Filings.valid());
        voteOk("reviewer1", id, "OBJECT", "The track record links are broken.");
        decideOk(id, Map.of("outcome", "REJECTED", "reason", "Broken evidence."));

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, AWAITING_DECISION, REJECTED);
    }

    @Test
    void shouldGoFromAnObjectionInTheWindowToTheAdmin() {
        String id = file(Filings.valid());
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            voteOk(reviewer, id, "APPROVE", null);
        }
        voteOk("reviewer4", id, "OBJECT", "I know of an unfixed issue.");

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, OBJECTION_WINDOW, AWAITING_DECISION);
    }

    @Test
    void shouldGoBackToReviewAfterTheApplicantAnswersAQuestion() {
        String id = file(Filings.valid());
        voteOk("reviewer1", id, "NEEDS_INFO", "Which releases did you ship last year?");
        Api.Response reply = api.post("applicant", "/api/requests/" + id + "/replies", Map.of("text", "Twelve; see our notes."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, NEEDS_INFO, IN_REVIEW);
    }

    @Test
    void shouldGoToTheAdminWhenTheApplicantNeverAnswers() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "NEEDS_INFO", "Which releases did you ship last year?");
        management.executeJob(timer(instance, REPLY_STALE).getId());
        awaitDecisionTask(instance);

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, NEEDS_INFO, AWAITING_DECISION);
    }

    @Test
    void shouldBeRejectedAtPrescreenWithoutEverBeingReviewed() {
        String id = file(failingCriterion1());
        Api.Response rejected = decide(id, Map.of("outcome", "REJECTED", "reason", "Not a Unix-like distro."));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        assertThat(events.statuses(id)).containsExactly(REJECTED);
    }

    @Test
    void shouldBeReviewedAnywayWhenTheAdminSaysSoAtPrescreen() {
        String id = file(failingCriterion1());
        ProcessInstance instance = instance(id);
        tasks.complete(adminTask(instance, PRESCREEN_DECISION).getId(),
                Map.of("prescreenChoice", "REVIEW", "prescreenReason", "It is one, the check misread it."));

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW);
    }

    @Test
    void shouldComeBackToTheAdminOnTheDeferralDateAndThenBeDecided() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "OBJECT", "Too young a track record.");
        decideOk(id, Map.of("outcome", "DEFERRED", "reason", "Come back in a month.",
                "effectiveDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> BpmnAwareTests.assertThat(instance).isWaitingAt(DEFERRED_UNTIL));
        management.executeJob(timer(instance, DEFERRED_UNTIL).getId());
        decideOk(id, org.vouchsafe.support.Proofs.approvalExcepting("The record is a year old now.", "ann@example.org"));

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, AWAITING_DECISION, DEFERRED, AWAITING_DECISION, APPROVED);
    }

    @Test
    void shouldEndWithdrawnWhenTheApplicantWithdraws() {
        String id = file(Filings.valid());
        voteOk("reviewer1", id, "NEEDS_INFO", "Which releases did you ship last year?");
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(instance(id).getId())
                .executable().count() == 0);
        Api.Response withdrawn = api.post("applicant", "/api/requests/" + id + "/withdrawal",
                Map.of("reason", "We decided to wait another year."));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, NEEDS_INFO, WITHDRAWN);
    }

    private void awaitDecisionTask(ProcessInstance instance) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> BpmnAwareTests.assertThat(instance).isWaitingAt(ADMIN_DECISION));
    }

    private Map<String, Object> failingCriterion1() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("unixLike", false);
        return filing;
    }

    private void decideOk(String id, Map<String, Object> decision) {
        Api.Response decided = decide(id, decision);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

}
