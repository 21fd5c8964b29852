package org.vouchsafe.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.VoteInput;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a signed-in user can send to Camunda's task API by hand, besides what the forms send, played
 * through Tasklist's own endpoints with a real webapp session: nothing beyond a form's fields is
 * taken, no variable is written by a reviewer, and every refusal leaves the process and the audit
 * log as they were.
 */
@VouchsafeTest
class TasklistTamperingTests extends ProcessTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    ReviewService review;

    @Test
    void shouldRefuseAVoteThatAlsoSetsTheQuorum() {
        // given a request in review (quorum 3) and reviewer1 signed in to Tasklist
        String id = file(Filings.valid());
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        // when they submit their vote with a quorum of one
        Tasklist.Response response = tasklist.submitForm(task.getId(), fields("vote", "APPROVE", "quorum", 1));

        // then the whole submission is refused, naming the field, and nothing moved
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Not accepted: quorum").contains("review-vote");
        assertUntouched(id, instance(id));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void shouldRefuseAVoteAimedAtAnotherRequest() {
        // given two requests in review
        String mine = file(Filings.valid());
        String other = file(Filings.valid());
        Task task = voteTask(mine, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        // when reviewer1 submits their vote task of one request naming the other
        Tasklist.Response response = tasklist.submitForm(task.getId(),
                fields("vote", "OBJECT", "voteComment", "No.", "requestId", other));

        // then it is refused; neither request has a vote, and only one process carries the other's id
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertUntouched(mine, instance(mine));
        assertUntouched(other, instance(other));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .variableValueEquals(MembershipProcess.Variables.REQUEST_ID, other).count()).isOne();
    }

    @Test
    void shouldRefuseEveryVariableWriteByAReviewer() {
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        Tasklist.Response put = tasklist.putVariable(task.getId(), "approveCount", 3, false);
        Tasklist.Response putLocal = tasklist.putVariable(task.getId(), "reviewer", "reviewer2", true);
        Tasklist.Response modify = tasklist.modifyVariables(task.getId(), fields("objectCount", 1));
        Tasklist.Response onInstance = tasklist.putProcessVariable(instance.getId(), "approveCount", 3);
        Tasklist.Response comment = tasklist.comment(task.getId(), "An embargoed detail, kept where nobody audits it.");

        assertThat(put.status()).as(put.toString()).isEqualTo(403);
        assertThat(putLocal.status()).as(putLocal.toString()).isEqualTo(403);
        assertThat(modify.status()).as(modify.toString()).isEqualTo(403);
        assertThat(onInstance.status()).as(onInstance.toString()).isEqualTo(403);
        // (Camunda's comment resource may already refuse it for want of history permissions: either way, none.)
        assertThat(comment.refused()).as(comment.toString()).isTrue();
        assertThat(put.message()).contains("Only list admins");
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("approveCount", "objectCount");
        assertThat(tasks.getVariable(task.getId(), "reviewer")).isEqualTo("reviewer1");
        assertThat(tasks.getTaskComments(task.getId())).isEmpty();
        assertUntouched(id, instance);
    }

    @Test
    void shouldRefuseHandingAVoteTaskToSomeoneElse() {
        String id = file(Filings.valid());
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        Tasklist.Response assign = tasklist.assign(task.getId(), "reviewer2");
        Tasklist.Response release = tasklist.assign(task.getId(), null);

        assertThat(assign.status()).as(assign.toString()).isEqualTo(403);
        assertThat(release.status()).as(release.toString()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("reviewer1");
    }

    @Test
    void shouldRefuseAListAdminCastingAReviewersVote() {
        String id = file(Filings.valid());
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        Tasklist.Response response = tasklist.submitForm(task.getId(), fields("vote", "APPROVE"));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.message()).contains("admin cannot cast reviewer1's vote");
        assertUntouched(id, instance(id));
    }

    @Test
    void shouldCountAVoteSubmittedWithTheFormsFieldsOnly() {
        String id = file(Filings.valid());
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        Tasklist.Response response = tasklist.submitForm(task.getId(),
                fields("vote", "APPROVE", "voteComment", "Good record.", "note3", "Fast fixes."));

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        assertThat(read("admin", id).path("votes").path("approve").asInt()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(audit.eventsOf(id)).filteredOn(e -> e.action() == AuditAction.VOTE_CAST)
                .extracting(AuditEvent::actor).containsExactly("reviewer1");
    }

    @Test
    void shouldRefuseAVoteTheRulesRefuseWithTheReasonAndA400() {
        String id = file(Filings.valid());
        Task task = voteTask(id, "reviewer1");
        Tasklist tasklist = Tasklist.signIn(port, "reviewer1");

        Tasklist.Response response = tasklist.submitForm(task.getId(), fields("vote", "OBJECT"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("comment").contains("required with an objection");
        assertUntouched(id, instance(id));
    }

    @Test
    void shouldRefuseADecisionCarryingMoreThanTheDecisionForm() {
        // given a request waiting for the admin's decision
        String id = awaitingDecision(Filings.valid());
        ProcessInstance instance = instance(id);
        Task task = adminTask(instance, MembershipProcess.Activities.ADMIN_DECISION);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the admin's submission also names who decided, or another request
        Tasklist.Response forged = tasklist.submitForm(task.getId(),
                fields("decisionOutcome", "REJECTED", "decisionReason", "No.", "decidedBy", "reviewer2"));
        Tasklist.Response elsewhere = tasklist.submitForm(task.getId(),
                fields("decisionOutcome", "REJECTED", "decisionReason", "No.", "requestId", "someone-else"));
        // or rewrites the per-person table the form only shows (read-only)
        Tasklist.Response rewritten = tasklist.submitForm(task.getId(),
                fields("decisionOutcome", "REJECTED", "decisionReason", "No.", "admissionSummary", "everyone proved it"));

        // then all are refused and the request still waits
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("Not accepted: decidedBy");
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(400);
        assertThat(rewritten.status()).as(rewritten.toString()).isEqualTo(400);
        assertThat(rewritten.message()).contains("admissionSummary");
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.DECISION_RECORDED);

        // and the form's own fields decide, recorded under the signed-in admin
        Tasklist.Response decided = tasklist.submitForm(task.getId(),
                fields("decisionOutcome", "REJECTED", "decisionReason", "Objection upheld."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(204);
        assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
        assertThat(audit.eventsOf(id)).filteredOn(e -> e.action() == AuditAction.DECISION_RECORDED)
                .extracting(AuditEvent::actor).containsExactly("admin");
    }

    @Test
    void shouldRefuseAPrescreenChoiceCarryingMoreThanThePrescreenForm() {
        // given a request that failed a check and waits at pre-screen
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("unixLike", false);
        String id = file(filing);
        ProcessInstance instance = instance(id);
        Task task = adminTask(instance, MembershipProcess.Activities.PRESCREEN_DECISION);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the submission also sets the DMN's route
        Tasklist.Response response = tasklist.submitForm(task.getId(),
                fields("prescreenChoice", "REVIEW", "prescreenReason", "Try anyway.", "route", "REVIEW"));

        // then nothing happens
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Not accepted: route");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(instance.getId(), MembershipProcess.Variables.ROUTE)).isEqualTo("ADMIN");
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.PRESCREEN_OVERRIDDEN);
    }

    @Test
    void shouldRefuseAVoteOnARequestTheReviewerIsConflictedWithWhateverPathItTakes() {
        // given a request from reviewer1's own distro's mail domain: reviewer1 gets no vote task
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("homepage", "https://www.alpinelinux.org");
        String id = file(filing);

        // then the one place that records votes refuses theirs too, however it got there
        assertThatThrownBy(() -> review.recordVote(id, "reviewer1", new VoteInput("OBJECT", "No.", Map.of())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("conflict of interest");
        assertUntouched(id, instance(id));
    }

    private Task voteTask(String requestId, String reviewer) {
        return voteTasks(instance(requestId)).stream().filter(t -> reviewer.equals(t.getAssignee())).findFirst()
                .orElseThrow();
    }

    /** Still in review, no vote stored or counted, no vote in the audit log, no stray variable. */
    private void assertUntouched(String requestId, ProcessInstance instance) {
        assertThat(status(requestId)).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(review.votes(requestId)).isEmpty();
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("quorum", "vote", "voteComment", "decidedBy",
                "approveCount");
        assertThat(audit.eventsOf(requestId)).extracting(AuditEvent::action).doesNotContain(AuditAction.VOTE_CAST);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
