package org.vouchsafe.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.incidents.TestMemberDirectory;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.workflow.IncidentProcess.Activities.*;

/**
 * The incident's user tasks played through Tasklist's own API with a real webapp session: a
 * submission carrying more than the task's form declares (another distro, the routing flag, a
 * status) is refused whole, and leaves the incident, the process and the audit log as they were;
 * the form's own fields work, recorded under the signed-in user.
 */
@VouchsafeTest
class IncidentTasklistTamperingTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestMemberDirectory members;

    Api api;
    String distro;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        distro = TestMemberDirectory.freshDistro();
        member = members.member(distro);
    }

    @Test
    void shouldRefuseANoticeThatAlsoMovesTheIncidentToAnotherDistro() {
        // given an incident waiting for notice, and the admin signed in to Tasklist
        String id = reported();
        Task task = task(id, CONFIRM_NOTICE);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the submission also sets the distro
        Tasklist.Response forged = tasklist.submitForm(task.getId(),
                fields("notifiedAt", Instant.now().toString(), "distroId", "another-distro"));

        // then it is refused whole and nothing moved
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("Not accepted: distroId").contains("incident-notice");
        assertUntouched(id, task, "AWAITING_NOTICE", 1);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), IncidentProcess.Variables.DISTRO_ID)).isEqualTo(distro);

        // and the form's own field is recorded under the signed-in admin, leaving no variable behind
        Tasklist.Response notified = tasklist.submitForm(task.getId(), fields("notifiedAt", Instant.now().toString()));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("INVESTIGATING");
        assertThat(jdbc.queryForObject("select notice_confirmed_by from incident where id = ?", String.class, id))
                .isEqualTo("admin");
        assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKey(IncidentProcess.Variables.NOTIFIED_AT);
    }

    @Test
    void shouldRefuseAReportThatAlsoSetsTheAdminsJudgement() {
        // given an incident waiting for its final report
        String id = notified();
        Task task = task(id, SUBMIT_REPORT);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the report also carries the judgement that would route it past the admin
        Tasklist.Response forged = tasklist.submitForm(task.getId(),
                fields("extent", "Nobody.", "measures", "None needed.", "closureOutcome", "ACCEPTED"));

        // then it is refused and the incident still waits for its report
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("Not accepted: closureOutcome");
        assertUntouched(id, task, "INVESTIGATING", 2);

        // and the report alone goes through, its texts kept by the incident, not by the engine
        Tasklist.Response filed = tasklist.submitForm(task.getId(), fields("extent", "Nobody.", "measures", "None needed."));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("REPORT_SUBMITTED");
        assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKeys("extent", "measures");
    }

    @Test
    void shouldRefuseAJudgementThatAlsoRewritesTheReport() {
        // given a report waiting for the admin
        String id = notified();
        Api.Response report = api.post(member, "/api/incidents/" + id + "/report", Map.of("extent", "A packager.",
                "measures", "Reminded the team."));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Task task = task(id, REVIEW_REPORT);
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the judgement also rewrites the report's extent
        Tasklist.Response forged = tasklist.submitForm(task.getId(),
                fields("closureOutcome", "ACCEPTED", "extent", "Nobody at all."));

        // then it is refused and the report stands as filed
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("Not accepted: extent");
        assertUntouched(id, task, "REPORT_SUBMITTED", 3);
        assertThat(jdbc.queryForObject("select final_extent from incident where id = ?", String.class, id)).isEqualTo("A packager.");

        // and an unknown outcome through the form is refused with the reason
        Tasklist.Response unknown = tasklist.submitForm(task.getId(), fields("closureOutcome", "FORGIVEN"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.message()).contains("ACCEPTED, MORE_ASKED or ESCALATED");
        assertUntouched(id, task, "REPORT_SUBMITTED", 3);
    }

    @Test
    void shouldRefuseAnOverdueAnswerThatAlsoSetsTheRoute() {
        // given a report overdue and the admin's task open
        String id = notified();
        String instance = task(id, SUBMIT_REPORT).getProcessInstanceId();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management.createJobQuery().processInstanceId(instance).executable().count() == 0);
        Job overdue = management.createJobQuery().processInstanceId(instance).activityId(REPORT_OVERDUE).timers().singleResult();
        management.executeJob(overdue.getId());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(CHASE_OVERDUE).count() == 1);
        Task task = task(id, CHASE_OVERDUE);
        Tasklist tasklist = Tasklist.signIn(port, "admin");
        int before = events(id);

        // when the answer "wait" also sets the routing flag to escalate
        Tasklist.Response forged = tasklist.submitForm(task.getId(),
                fields("overdueAction", "WAIT", "closureOutcome", "ESCALATED"));

        // then it is refused and the incident is neither closed nor escalated
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("Not accepted: closureOutcome");
        assertUntouched(id, task, "INVESTIGATING", before);

        // and escalating through the form closes the incident
        Tasklist.Response escalated = tasklist.submitForm(task.getId(),
                fields("overdueAction", "ESCALATE", "overdueNote", "No report after the deadline."));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("ESCALATED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    // ---- helpers ----

    private String reported() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", "distros");
        body.put("reference", "[vs] kernel issue of 2026-11-29");
        body.put("awareAt", Instant.now().minus(Duration.ofHours(2)).toString());
        Api.Response reported = api.post(member, "/api/incidents", body);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().path("id").asText();
    }

    private String notified() {
        String id = reported();
        Api.Response notified = api.post(member, "/api/incidents/" + id + "/notified", Map.of("notifiedAt", Instant.now().toString()));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
        return id;
    }

    private Task task(String incidentId, String activity) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(incidentId).taskDefinitionKey(activity).list();
        assertThat(open).as(activity + " of incident " + incidentId).hasSize(1);
        return open.get(0);
    }

    private String status(String incidentId) {
        return jdbc.queryForObject("select status from incident where id = ?", String.class, incidentId);
    }

    private int events(String incidentId) {
        return jdbc.queryForObject("select count(*) from audit_event where details like ?", Integer.class,
                "%" + incidentId + "%");
    }

    /** The task is still open, the incident in its state, and the audit log has no further incident event. */
    private void assertUntouched(String incidentId, Task task, String status, int auditEvents) {
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(status(incidentId)).isEqualTo(status);
        assertThat(events(incidentId)).isEqualTo(auditEvents);
        assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKeys("closureNote", "extent", "measures",
                "notifiedAt", "overdueNote");
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
