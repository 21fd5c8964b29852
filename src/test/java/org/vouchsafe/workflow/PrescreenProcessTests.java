package org.vouchsafe.workflow;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/** (b) A failed check sends the request to the list admin before any reviewer sees it. */
@VouchsafeTest
class PrescreenProcessTests extends ProcessTestSupport {

    @Test
    void shouldWaitForTheListAdminWhenACheckFails() {
        // when
        String id = file(notUnixLike());
        ProcessInstance instance = instance(id);

        // then
        BpmnAwareTests.assertThat(instance).hasPassed(PRESCREEN).hasNotPassed(OPEN_ROUND).isWaitingAt(PRESCREEN_DECISION);
        BpmnAwareTests.assertThat(instance).variables()
                .containsEntry(MembershipProcess.Variables.ROUTE, MembershipProcess.Routes.ADMIN);
        assertThat(read("admin", id).path("criteria").get(0).path("check").path("outcome").asText()).isEqualTo("FAIL");
        BpmnAwareTests.assertThat(instance).task().hasCandidateGroup("list-admins").isNotAssigned();
        assertThat(voteTasks(instance)).isEmpty();
    }

    @Test
    void shouldSendChecksLeftToPeopleToTheReviewersNotToTheAdmin() {
        // when: a complete filing, whose criteria 1, 2, 5 and 7 only people can judge
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);

        // then: MANUAL is for the reviewers, not a failure for the list admin to pre-screen
        JsonNode criteria = read("admin", id).path("criteria");
        for (int n : new int[] {1, 2, 5, 7}) {
            assertThat(criteria.get(n - 1).path("check").path("outcome").asText()).as("criterion " + n).isEqualTo("MANUAL");
        }
        BpmnAwareTests.assertThat(instance).hasPassed(PRESCREEN, OPEN_ROUND).hasNotPassed(PRESCREEN_DECISION)
                .isWaitingAt(VOTE);
        BpmnAwareTests.assertThat(instance).variables()
                .containsEntry(MembershipProcess.Variables.ROUTE, MembershipProcess.Routes.REVIEW);
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    }

    @Test
    void shouldStillPrescreenAFailureAmongManualChecks() {
        // given: nothing offered back (criterion 7 fails) while 1, 2 and 5 are left to people
        Map<String, Object> filing = Filings.valid();
        ((java.util.List<?>) filing.get("roles")).clear();

        // when
        String id = file(filing);

        // then
        BpmnAwareTests.assertThat(instance(id)).isWaitingAt(PRESCREEN_DECISION);
        JsonNode criteria = read("admin", id).path("criteria");
        assertThat(criteria.get(6).path("check").path("outcome").asText()).isEqualTo("FAIL");
        assertThat(criteria.get(0).path("check").path("outcome").asText()).isEqualTo("MANUAL");
    }

    @Test
    void shouldRejectAtPrescreenThroughTheApi() {
        // given
        String id = file(notUnixLike());
        ProcessInstance instance = instance(id);

        // when / then: only a rejection is taken at pre-screen, and it needs a reason
        Api.Response approve = decide(id, Map.of("outcome", "APPROVED", "reason", "Fine."));
        assertThat(approve.status()).as(approve.toString()).isEqualTo(409);
        Api.Response noReason = decide(id, Map.of("outcome", "REJECTED"));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        BpmnAwareTests.assertThat(instance).isWaitingAt(PRESCREEN_DECISION);

        // when
        Api.Response rejected = decide(id, Map.of("outcome", "REJECTED", "reason", "  Not a Unix-like system.  "));

        // then
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        // the rejection mail goes out in its own job; then the instance ends
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isEnded());
        BpmnAwareTests.assertThat(instance).hasPassed(END_REJECTED_AT_PRESCREEN).hasNotPassed(OPEN_ROUND);
        JsonNode request = read("applicant", id);
        assertThat(request.path("status").asText()).isEqualTo("REJECTED");
        assertThat(request.path("decision").path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(request.path("decision").path("reason").asText()).isEqualTo("Not a Unix-like system.");
    }

    @Test
    void shouldFreeTheDistroNameOnceRejected() {
        // given
        Map<String, Object> filing = notUnixLike();
        String id = file(filing);
        assertThat(decide(id, Map.of("outcome", "REJECTED", "reason", "Not Unix-like.")).status()).isEqualTo(200);

        // when
        Api.Response again = api.post("applicant", "/api/requests", Filings.valid((String) Filings.distro(filing).get("name")));

        // then
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void shouldReviewAnywayWhenTheAdminSaysSo() {
        // given
        String id = file(notUnixLike());
        ProcessInstance instance = instance(id);
        Task prescreen = adminTask(instance, PRESCREEN_DECISION);

        // when: as Tasklist completes the form
        tasks.complete(prescreen.getId(), Map.of(MembershipProcess.Variables.PRESCREEN_CHOICE, MembershipProcess.Routes.REVIEW));

        // then
        BpmnAwareTests.assertThat(instance).hasPassed(PRESCREEN_DECISION, OPEN_ROUND).isWaitingAt(VOTE);
        assertThat(assignees(voteTasks(instance))).containsExactlyInAnyOrderElementsOf(REVIEWERS);
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(read("admin", id).path("decision").isNull()).isTrue();
    }

    @Test
    void shouldRefuseATasklistRejectionWithoutReason() {
        // given
        String id = file(notUnixLike());
        ProcessInstance instance = instance(id);
        Task prescreen = adminTask(instance, PRESCREEN_DECISION);

        // when / then
        assertThatThrownBy(() -> tasks.complete(prescreen.getId(),
                Map.of(MembershipProcess.Variables.PRESCREEN_CHOICE, MembershipProcess.Routes.REJECT)))
                .satisfies(e -> assertThat(causes(e)).anyMatch(InvalidInputException.class::isInstance));
        BpmnAwareTests.assertThat(instance).isWaitingAt(PRESCREEN_DECISION);
        assertThat(status(id)).isNotEqualTo(RequestStatus.REJECTED);
    }

    private static Map<String, Object> notUnixLike() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("unixLike", false);
        return filing;
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
