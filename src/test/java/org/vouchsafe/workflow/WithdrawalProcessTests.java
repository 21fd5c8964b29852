package org.vouchsafe.workflow;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.EventTrail;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.intake.RequestStatus.AWAITING_DECISION;
import static org.vouchsafe.intake.RequestStatus.IN_REVIEW;
import static org.vouchsafe.intake.RequestStatus.NEEDS_INFO;
import static org.vouchsafe.intake.RequestStatus.OBJECTION_WINDOW;
import static org.vouchsafe.intake.RequestStatus.WITHDRAWN;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/**
 * The applicant withdraws from every stage a request can wait in: the membership process's
 * withdrawal path ends it, the vouching and challenge-response processes it called, and every task
 * and timer they had; the status is WITHDRAWN, entered by the model; the reviewers who were asked
 * are told.
 */
@VouchsafeTest
class WithdrawalProcessTests extends ProcessTestSupport {

    static final String REASON = "We merged with another distro that is already a member.";

    @Autowired
    EventTrail events;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    Mails mails;

    @BeforeEach
    void mailbox() {
        mails = new Mails(jdbc);
    }

    @Test
    void shouldEndAtPrescreenWithoutTellingAnyReviewer() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("unixLike", false);
        String id = file(filing);
        ProcessInstance instance = instance(id);
        BpmnAwareTests.assertThat(instance).isWaitingAt(PRESCREEN_DECISION);

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(events.statuses(id)).containsExactly(WITHDRAWN);
        assertThat(mails.recipients(instance.getId() + ":" + MAIL_WITHDRAWAL + ":")).isEmpty();
    }

    @Test
    void shouldEndInReviewAndTellEveryReviewerWhoWasAskedVotedOrNot() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "APPROVE", null);
        assertThat(voteTasks(instance)).isNotEmpty();

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, WITHDRAWN);
        String told = instance.getId() + ":" + MAIL_WITHDRAWAL + ":";
        assertThat(mails.recipients(told)).containsExactly("reviewer1@alpinelinux.org", "reviewer2@debian.org",
                "reviewer3@fedoraproject.org", "reviewer4@opensuse.org", "reviewer5@gentoo.org");
        assertThat(mails.subjects(told + "reviewer2@debian.org")).singleElement().asString().startsWith("Withdrawn:");
    }

    @Test
    void shouldEndWhileWaitingForTheApplicantsReply() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        voteOk("reviewer1", id, "NEEDS_INFO", "Which releases did you ship last year?");
        BpmnAwareTests.assertThat(instance).isWaitingAt(AWAIT_REPLY);

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, NEEDS_INFO, WITHDRAWN);
        // and a late reply finds nothing to answer
        Api.Response reply = api.post("applicant", "/api/requests/" + id + "/replies", Map.of("text", "Twelve."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    }

    @Test
    void shouldEndInTheObjectionWindow() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            voteOk(reviewer, id, "APPROVE", null);
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt(MembershipProcess.Activities.OBJECTION_WINDOW);

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, OBJECTION_WINDOW, WITHDRAWN);
    }

    @Test
    void shouldEndWhileTheAdminHasStillToDecide() {
        String id = awaitingDecision(Filings.valid());
        ProcessInstance instance = instance(id);
        adminTask(instance, ADMIN_DECISION);

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(events.statuses(id)).containsExactly(IN_REVIEW, AWAITING_DECISION, WITHDRAWN);
        Api.Response decided = decide(id, Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(409);
    }

    @Test
    void shouldEndTheVouchingAndChallengeProcessesThatStillWait() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        // the called processes are waiting: vouching for the named voucher, challenge-response for the answer
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(waiting(id, VouchingProcess.PROCESS_KEY)).isEqualTo(1);
            assertThat(waiting(id, ChallengeProcess.PROCESS_KEY)).isEqualTo(1);
        });

        withdrawOk(id);

        assertEverythingEnded(id, instance);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(VouchingProcess.PROCESS_KEY).singleResult().getEndTime()).isNotNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(ChallengeProcess.PROCESS_KEY).singleResult().getEndTime()).isNotNull();
    }

    private void withdrawOk(String id) {
        // The mails and the called processes' first steps run in jobs; withdraw once they are done, as a
        // person would, so that the withdrawal does not race them for the same process instances.
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs(id, true) == 0);
        Api.Response withdrawn = api.post("applicant", "/api/requests/" + id + "/withdrawal", Map.of("reason", REASON));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    /**
     * At once: no task of the request is left, the called processes are gone, the status is WITHDRAWN;
     * the membership instance ends after its mail job.
     */
    private void assertEverythingEnded(String id, ProcessInstance instance) {
        assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).as("open tasks").isZero();
        assertThat(waiting(id, VouchingProcess.PROCESS_KEY)).as("vouching").isZero();
        assertThat(waiting(id, ChallengeProcess.PROCESS_KEY)).as("challenge-response").isZero();
        // no timer is left to fire (reminders, the objection window, deadlines): only the reviewers' mail runs
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).as("timers").isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> BpmnAwareTests.assertThat(instance).isEnded());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(END_WITHDRAWN).finished().count()).isEqualTo(1);
    }

    /** Jobs of the request's running process instances (only those due now, if {@code executable}). */
    private long jobs(String id, boolean executable) {
        long count = 0;
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list()) {
            var query = management.createJobQuery().processInstanceId(pi.getId());
            count += executable ? query.executable().count() : query.count();
        }
        return count;
    }

    private long waiting(String id, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey(processKey).count();
    }
}
