package org.vouchsafe.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.incidents.IncidentEscalated;
import org.vouchsafe.incidents.TestMemberDirectory;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.EventTrail;
import org.vouchsafe.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vouchsafe.workflow.IncidentProcess.Activities.*;

/**
 * A leak incident through {@code processes/leak-incident.bpmn}, driven over the REST API as the
 * member (or the admin on their behalf) and the admin would: notice in time or late, the final
 * report, its reminder and the escalation when it is overdue, and each of the admin's judgements.
 * Timers are fired by executing their jobs; mails go out in their own jobs.
 */
@VouchsafeTest
class IncidentProcessTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PgpProperties pgp;

    @Autowired
    TestMemberDirectory members;

    @Autowired
    EventTrail events;

    Api api;
    Mails mails;
    String distro;
    String member;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        api = new Api(rest);
        mails = new Mails(jdbc);
        distro = TestMemberDirectory.freshDistro();
        member = members.member(distro);
    }

    @Test
    void shouldTellTheAdminsEncryptedAndRecordNoticeInTime() throws Exception {
        // given a member who became aware two hours ago
        String id = report(member, Instant.now().minus(Duration.ofHours(2)), null);
        ProcessInstance instance = instance(id);

        // then the list admins get a mail encrypted to the list key, without the reference in clear
        String prefix = instance.getId() + ":" + MAIL_ADMINS + ":";
        await().atMost(Duration.ofSeconds(60)).until(() -> !mails.recipients(prefix).isEmpty());
        String admin = mails.recipients(prefix).get(0);
        assertThat(mails.awaitSent(prefix + admin)).isEqualTo("Leak incident reported by " + distro);
        assertThat(outbox(prefix + admin)).contains("multipart/encrypted").contains("-----BEGIN PGP MESSAGE-----")
                .doesNotContain("embargoed thread");
        assertThat(instance).isWaitingAt(CONFIRM_NOTICE);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("distro-" + distro)
                .count()).as("the distro's members are candidates").isOne();

        // when the member confirms they told the reporter and the list an hour later
        Api.Response notified = api.post(member, "/api/incidents/" + id + "/notified",
                Map.of("notifiedAt", Instant.now().minus(Duration.ofHours(1)).toString()));

        // then the clock ran about an hour, not late, and the final report is due
        assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
        assertThat(notified.json().path("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(notified.json().path("noticeLate").asBoolean()).isFalse();
        assertThat(Duration.parse(notified.json().path("noticeClock").asText())).isBetween(Duration.ofMinutes(59),
                Duration.ofMinutes(61));
        assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    }

    @Test
    void shouldFlagNoticeLaterThanTheLimit() {
        // given an admin reporting on the distro's behalf, aware two days ago
        String id = report("admin", Instant.now().minus(Duration.ofDays(2)), distro);

        // when notice is confirmed now
        Api.Response notified = api.post("admin", "/api/incidents/" + id + "/notified", Map.of("notifiedAt", Instant.now().toString()));

        // then it is flagged late (over PT24H) and the audit trail says so
        assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
        assertThat(notified.json().path("noticeLate").asBoolean()).isTrue();
        assertThat(jdbc.queryForList("select summary from audit_event where action = 'INCIDENT_NOTICE_CONFIRMED' "
                + "and details like ?", String.class, "%" + id + "%")).singleElement().asString().endsWith("(late)");
    }

    @Test
    void shouldCloseWhenTheAdminAcceptsAReportInTime() {
        // given a notified incident
        String id = notified();
        ProcessInstance instance = instance(id);

        // when the member files the final report and the admin accepts it
        Api.Response report = api.post(member, "/api/incidents/" + id + "/report", Map.of(
                "extent", "One packager outside the team read the thread; nothing was published.",
                "measures", "Mail filter for the list's messages; the packager agreed to the policy."));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().path("status").asText()).isEqualTo("REPORT_SUBMITTED");
        assertThat(instance).isWaitingAt(REVIEW_REPORT);
        Api.Response closed = api.post("admin", "/api/incidents/" + id + "/closure", Map.of("outcome", "ACCEPTED"));

        // then the incident is closed and its process (timers included) is over
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(instance).isEnded().hasPassed(END_ACCEPTED);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldRemindTheDistroHalfwayToTheDeadline() {
        // given a notified incident
        String id = notified();
        ProcessInstance instance = instance(id);

        // when the reminder's timer fires
        management.executeJob(timer(instance, REPORT_REMINDER).getId());

        // then the member gets a reminder naming the incident by id only, and the report is still awaited
        String key = instance.getId() + ":" + MAIL_REMINDER + ":" + member + "@" + distro + ".example";
        assertThat(mails.awaitSent(key)).startsWith("Reminder: final report on leak incident due");
        assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    }

    @Test
    void shouldEscalateToTheAdminWhenTheReportIsOverdue() {
        // given a notified incident
        String id = notified();
        ProcessInstance instance = instance(id);

        // when the deadline passes without a report
        management.executeJob(timer(instance, REPORT_OVERDUE).getId());

        // then the admins get a mail and a task, the incident shows overdue, and the member can still report
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(CHASE_OVERDUE).taskCandidateGroup("list-admins").count() == 1);
        assertThat(mails.recipients(instance.getId() + ":" + MAIL_OVERDUE)).isNotEmpty();
        assertThat(instance).isWaitingAt(SUBMIT_REPORT, CHASE_OVERDUE);
        assertThat(jdbc.queryForObject("select count(*) from incident where id = ? and report_overdue_at is not null",
                Integer.class, id)).isOne();

        // and when the admin escalates
        Api.Response closed = api.post("admin", "/api/incidents/" + id + "/closure",
                Map.of("outcome", "ESCALATED", "note", "No report after two reminders."));

        // then it closes with an escalation the accountability feature hears of
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("ESCALATED");
        assertThat(instance).isEnded().hasPassed(END_ESCALATED_BY_ADMIN);
        assertThat(events.of(id, IncidentEscalated.class)).singleElement()
                .isEqualTo(new IncidentEscalated(id, distro, "No report after two reminders."));
    }

    @Test
    void shouldSendTheReportBackWhenTheAdminAsksForMoreThenAcceptTheSecond() {
        // given a final report in
        String id = notified();
        ProcessInstance instance = instance(id);
        submitReport(id, "Someone saw it.");
        Instant firstDue = Instant.parse(get(id).path("reportDueAt").asText());

        // when the admin asks for more
        Api.Response asked = api.post("admin", "/api/incidents/" + id + "/closure",
                Map.of("outcome", "MORE_ASKED", "note", "Who exactly, and what did you change?"));

        // then the member has a new report task with a new deadline
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().path("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(asked.json().path("closure").path("note").asText()).isEqualTo("Who exactly, and what did you change?");
        assertThat(Instant.parse(asked.json().path("reportDueAt").asText())).isAfter(firstDue);
        assertThat(instance).isWaitingAt(SUBMIT_REPORT);

        // and when the second report comes and is accepted
        submitReport(id, "One contractor of the packaging team read the thread on 1 December.");
        Api.Response closed = api.post("admin", "/api/incidents/" + id + "/closure", Map.of("outcome", "ACCEPTED"));

        // then the incident is closed with the second report
        assertThat(closed.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(closed.json().path("finalReport").path("number").asInt()).isEqualTo(2);
        assertThat(instance).isEnded().hasPassed(END_ACCEPTED);
    }

    @Test
    void shouldCloseWithAnEscalationWhenTheAdminEscalatesTheReport() {
        // given a final report in
        String id = notified();
        ProcessInstance instance = instance(id);
        submitReport(id, "We cannot tell.");

        // when the admin escalates
        Api.Response closed = api.post("admin", "/api/incidents/" + id + "/closure",
                Map.of("outcome", "ESCALATED", "note", "The leak reached a customer."));

        // then the incident is closed as escalated, the event is published and the step is audited
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("ESCALATED");
        assertThat(instance).isEnded().hasPassed(END_ESCALATED);
        assertThat(events.of(id, IncidentEscalated.class)).singleElement()
                .isEqualTo(new IncidentEscalated(id, distro, "The leak reached a customer."));
        assertThat(jdbc.queryForList("select action from audit_event where details like ? order by seq", String.class,
                "%" + id + "%")).containsExactly("INCIDENT_REPORTED", "INCIDENT_NOTICE_CONFIRMED",
                "INCIDENT_REPORT_SUBMITTED", "INCIDENT_REPORT_JUDGED");
    }

    // ---- helpers ----

    private String report(String user, Instant awareAt, String onBehalfOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", "linux-distros");
        body.put("reference", "Re: [vs-sec] embargoed thread");
        body.put("awareAt", awareAt.toString());
        body.put("extent", "A packager outside the team may have read it.");
        if (onBehalfOf != null) {
            body.put("distroId", onBehalfOf);
        }
        Api.Response reported = api.post(user, "/api/incidents", body);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().path("id").asText();
    }

    private String notified() {
        String id = report(member, Instant.now().minus(Duration.ofHours(3)), null);
        Api.Response notified = api.post(member, "/api/incidents/" + id + "/notified", Map.of("notifiedAt", Instant.now().toString()));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
        return id;
    }

    private void submitReport(String id, String extent) {
        Api.Response report = api.post(member, "/api/incidents/" + id + "/report", Map.of("extent", extent,
                "measures", "Reminded the team of the policy."));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
    }

    private JsonNode get(String id) {
        Api.Response response = api.get(member, "/api/incidents/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private ProcessInstance instance(String incidentId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).singleResult();
        assertThat(instance).as("process of incident " + incidentId).isNotNull();
        return instance;
    }

    /** The timer's job, once the jobs the report started (the admins' mail) have run. */
    private Job timer(ProcessInstance instance, String activity) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management.createJobQuery().processInstanceId(instance.getId()).executable().count() == 0);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).timers().singleResult();
        assertThat(job).as("timer of " + activity).isNotNull();
        return job;
    }

    /** The .eml the outbox transport wrote for the mail with this idempotency key (no SMTP host in tests). */
    private String outbox(String key) throws Exception {
        String safe = key.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        try (var files = Files.list(pgp.dataDir().resolve("outbox"))) {
            Path mail = files.filter(f -> f.getFileName().toString().startsWith(safe)).findFirst()
                    .orElseThrow(() -> new AssertionError("no outbox mail " + safe));
            return Files.readString(mail, StandardCharsets.ISO_8859_1);
        }
    }
}
