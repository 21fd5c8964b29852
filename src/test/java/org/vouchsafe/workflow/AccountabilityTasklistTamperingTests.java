package org.vouchsafe.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.accountability.AccountabilityService;
import org.vouchsafe.accountability.AccountabilityStatus;
import org.vouchsafe.accountability.Caller;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.support.MemberDistros;
import org.vouchsafe.support.Tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accountability forms played through Tasklist's own API with more than they declare: an
 * answer that also moves the item to another distro, a closure that also rewrites the summary or
 * the distro. Each is refused whole; the item, the task and the audit log stay as they were; the
 * form's own fields then go through.
 */
@VouchsafeTest
class AccountabilityTasklistTamperingTests {

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired IdentityService identity;
    @Autowired AccountabilityService accountability;
    @Autowired RosterService roster;
    @Autowired JdbcTemplate jdbc;

    MemberDistros distros;

    @BeforeEach
    void setUp() {
        distros = new MemberDistros(filings, json, members, identity);
    }

    @Test
    void shouldRefuseAnAnswerThatAlsoNamesAnotherDistroOrItem() {
        // given an accountability request waiting for the distro's answer in Tasklist
        MemberDistros.Distro distro = distros.admit(1, Instant.parse("2026-02-01T00:00:00Z"), "A7");
        String id = raise(distro, "A7");
        Task answer = task(id, AccountabilityProcess.Activities.ANSWER);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the answer form is submitted with a distro or the summary of the submitter's choosing
        Tasklist.Response otherDistro = tasklist.submitForm(answer.getId(), fields("explanation", "Missed.",
                "correction", "Checklist.", "distroId", "another-distro"));
        Tasklist.Response summary = tasklist.submitForm(answer.getId(), fields("explanation", "Missed.",
                "correction", "Checklist.", "accountabilitySummary", "Nothing was asked."));

        // then both are refused and nothing is answered
        assertThat(otherDistro.status()).as(otherDistro.toString()).isEqualTo(400);
        assertThat(otherDistro.message()).contains("Not accepted: distroId");
        assertThat(summary.status()).as(summary.toString()).isEqualTo(400);
        assertThat(summary.message()).contains("Not accepted: accountabilitySummary");
        assertThat(accountability.find(id).getStatus()).isEqualTo(AccountabilityStatus.OPEN);
        assertThat(tasks.createTaskQuery().taskId(answer.getId()).count()).isOne();
        assertThat(runtime.getVariable(answer.getProcessInstanceId(), "distroId")).isEqualTo(distro.id());
        assertThat(actions(id)).containsExactly("ACCOUNTABILITY_RAISED");

        // and the form's own fields answer it
        Tasklist.Response answered = tasklist.submitForm(answer.getId(), fields("explanation", "Missed.", "correction", "Checklist."));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
        assertThat(accountability.find(id).getStatus()).isEqualTo(AccountabilityStatus.ANSWERED);
        assertThat(accountability.find(id).getAnsweredBy()).isEqualTo("admin");
    }

    @Test
    void shouldRefuseAClosureThatAlsoSetsTheDistro() {
        MemberDistros.Distro distro = distros.admit(1, Instant.parse("2026-02-01T00:00:00Z"), "A8");
        String id = raise(distro, "A8");
        accountability.answer(id, new AccountabilityService.AnswerInput("Missed.", "Checklist."),
                Caller.of(distro.first().username(), List.of("members", "distro-" + distro.id())));
        Task close = task(id, AccountabilityProcess.Activities.CLOSE);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        Tasklist.Response tampered = tasklist.submitForm(close.getId(), fields("closingOutcome", "ROLE_WITHDRAWN",
                "closingNote", "Withdrawn.", "distroId", "another-distro"));

        assertThat(tampered.status()).as(tampered.toString()).isEqualTo(400);
        assertThat(tampered.message()).contains("Not accepted: distroId");
        assertThat(accountability.find(id).getStatus()).isEqualTo(AccountabilityStatus.ANSWERED);
        assertThat(roster.rolesHeld(distro.id())).contains("A8");
        assertThat(actions(id)).doesNotContain("ACCOUNTABILITY_CLOSED");

        Tasklist.Response closed = tasklist.submitForm(close.getId(), fields("closingOutcome", "ROLE_WITHDRAWN",
                "closingNote", "Withdrawn."));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(204);
        assertThat(accountability.find(id).getStatus()).isEqualTo(AccountabilityStatus.CLOSED);
        assertThat(roster.rolesHeld(distro.id())).doesNotContain("A8");
    }

    private String raise(MemberDistros.Distro distro, String role) {
        String id = accountability.raise(distro.id(), new AccountabilityService.RaiseInput(role, "Missed an embargo date.",
                "https://www.openwall.com/lists/oss-security/2026/11/21/1"), Caller.of("admin", List.of("list-admins"))).getId();
        // the answer task follows the job that mails the people
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(AccountabilityProcess.Activities.ANSWER).count() == 1);
        return id;
    }

    private Task task(String id, String activity) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(AccountabilityProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).singleResult();
        assertThat(task).as(activity).isNotNull();
        return task;
    }

    private List<String> actions(String itemId) {
        return jdbc.queryForList("select action from audit_event where details like ? order by seq", String.class,
                "%" + itemId + "%");
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
