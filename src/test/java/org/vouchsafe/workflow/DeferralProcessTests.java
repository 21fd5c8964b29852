package org.vouchsafe.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/** (f) The admin may defer a decision to a date; on that date the request is back with the admin. */
@VouchsafeTest
class DeferralProcessTests extends ProcessTestSupport {

    @Test
    void shouldComeBackToTheAdminOnTheDeferralDate() {
        // given
        String id = awaitingDecision(Filings.valid());
        ProcessInstance instance = instance(id);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        // when
        Api.Response deferred = decide(id, Map.of("outcome", "DEFERRED", "reason", "Wait for the next release.",
                "effectiveDate", tomorrow.toString()));

        // then
        assertThat(deferred.status()).as(deferred.toString()).isEqualTo(200);
        assertThat(deferred.json().path("effectiveDate").asText()).isEqualTo(tomorrow.toString());
        assertThat(status(id)).isEqualTo(RequestStatus.DEFERRED);
        JsonNode request = read("applicant", id);
        assertThat(request.path("decision").path("outcome").asText()).isEqualTo("DEFERRED");
        assertThat(request.path("decision").path("effectiveDate").asText()).isEqualTo(tomorrow.toString());
        // the decision mail goes out in its own job first
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isWaitingAt(DEFERRED_UNTIL));
        Job timer = timer(instance, DEFERRED_UNTIL);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant()));

        // when the date comes
        management.executeJob(timer.getId());

        // then
        BpmnAwareTests.assertThat(instance).hasPassed(DEFERRED_UNTIL).isWaitingAt(ADMIN_DECISION);
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);

        // and the admin can decide again
        Api.Response approved = decide(id, org.vouchsafe.support.Proofs.approvalExcepting("The release is out.", "ann@example.org"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isEnded());
        BpmnAwareTests.assertThat(instance).hasPassed(END_APPROVED);
        assertThat(approved.json().path("effectiveDate").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void shouldRequireADateToDeferTo() {
        // given
        String id = awaitingDecision(Filings.valid());

        // when
        Api.Response response = decide(id, Map.of("outcome", "DEFERRED", "reason", "Later."));

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("effectiveDate");
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);
        BpmnAwareTests.assertThat(instance(id)).isWaitingAt(ADMIN_DECISION);
    }

    @Test
    void shouldRequireADeferralDateAfterToday() {
        String id = awaitingDecision(Filings.valid());

        Api.Response response = decide(id, Map.of("outcome", "DEFERRED", "reason", "Later.",
                "effectiveDate", LocalDate.now(ZoneOffset.UTC).toString()));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("effectiveDate");
    }

    @Test
    void shouldRefuseADecisionWhileTheRoundRuns() {
        String id = file(Filings.valid());

        Api.Response response = decide(id, Map.of("outcome", "APPROVED", "reason", "Too early."));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    }
}
