package org.vouchsafe.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/** (d) An objection, in the round or in the window after the quorum, goes to the list admin. */
@VouchsafeTest
class ObjectionProcessTests extends ProcessTestSupport {

    @Test
    void shouldTakeAnObjectionDuringTheWindow() {
        // given: the quorum is reached; the frozen engine clock keeps the window open
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "APPROVE", null);
        voteOk("reviewer2", id, "APPROVE", null);
        voteOk("reviewer3", id, "APPROVE", null);
        assertThat(status(id)).isEqualTo(RequestStatus.OBJECTION_WINDOW);
        BpmnAwareTests.assertThat(instance).isWaitingAt(OBJECTION_WINDOW);

        // when / then: only objections are taken now
        Api.Response approve = vote("reviewer4", id, "APPROVE", null);
        assertThat(approve.status()).as(approve.toString()).isEqualTo(409);

        // when
        voteOk("reviewer4", id, "OBJECT", "Their advisories are published weeks after the fixes.");

        // then
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);
        BpmnAwareTests.assertThat(instance).hasPassed(OBJECTION_RAISED).hasNotPassed(OBJECTION_WINDOW_CLOSED)
                .isWaitingAt(ADMIN_DECISION);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count())
                .as("the window's timer is cancelled").isZero();
        assertThat(read("admin", id).path("votes").path("object").asInt()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(ADMIN_DECISION);
    }

    @Test
    void shouldSendAnObjectionDuringTheRoundStraightToTheAdmin() {
        // given
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "APPROVE", null);

        // when
        voteOk("reviewer5", id, "OBJECT", "The key of the only requester expired last year.");

        // then
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);
        BpmnAwareTests.assertThat(instance).hasNotPassed(OBJECTION_WINDOW).isWaitingAt(ADMIN_DECISION);
        assertThat(voteTasks(instance)).isEmpty();
        assertThat(read("admin", id).path("votes").path("object").asInt()).isEqualTo(1);
        assertThat(read("admin", id).path("votes").path("approve").asInt()).isEqualTo(1);
        // the round's counts were read in the vote's transaction and never stored as variables
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(MembershipProcess.Variables.OBJECT_COUNT,
                MembershipProcess.Variables.APPROVE_COUNT);
        assertThat((String) runtime.getVariable(instance.getId(), MembershipProcess.Variables.REVIEW_SUMMARY))
                .contains("reviewer5: OBJECT — The key of the only requester expired last year.");
    }

    @Test
    void shouldRequireAReasonWithAnObjection() {
        String id = file(Filings.valid());

        Api.Response response = vote("reviewer1", id, "OBJECT", " ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("comment");
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    }
}
