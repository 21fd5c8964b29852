package org.vouchsafe.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.membership.MemberStatus;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Mails;
import org.vouchsafe.support.MemberDistros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vouchsafe.workflow.AccountabilityProcess.Activities.*;

/**
 * The role-accountability process on each of its paths: the distro's people are asked (mail
 * encrypted to their keys, a task for their group), answer, are reminded halfway, or stay silent
 * and the list admins take it up; and each of the four ways a list admin closes it. Timers are
 * fired by executing their jobs; mails go out in their own jobs.
 */
@VouchsafeTest
class AccountabilityProcessTests {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired IdentityService identity;
    @Autowired RosterService roster;

    Api api;
    Mails mails;
    MemberDistros distros;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        api = new Api(rest);
        mails = new Mails(jdbc);
        distros = new MemberDistros(filings, json, members, identity);
    }

    @Test
    void shouldAskTheDistrosPeopleByEncryptedMailAndTaskAndRecordTheirAnswer() throws IOException {
        // given a member distro of two people holding A1
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-03-01T00:00:00Z"), "A1", "T2");

        // when a list admin raises an accountability request for A1
        String id = raise(distro, "A1", "The report of 2026-11-20 was not acknowledged for a week.");
        ProcessInstance instance = instance(id);

        // then each person is mailed, encrypted to their key, and their group has the answer task
        for (MemberDistros.Person person : distro.people()) {
            assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_RAISED + ":" + person.email()))
                    .isEqualTo("Please account for role A1 (" + distro.name() + ")");
            assertThat(outbox(instance.getId() + "_" + MAIL_RAISED + "_" + person.email().replaceAll("[^A-Za-z0-9._-]", "_")))
                    .contains("multipart/encrypted").doesNotContain("was not acknowledged");
        }
        assertThat(instance).isWaitingAt(ANSWER);
        Task answer = task(instance, ANSWER);
        assertThat(tasks.getIdentityLinksForTask(answer.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("distro-" + distro.id());

        // when one of them answers over REST
        Api.Response answered = api.post(distro.first().username(), "/api/accountability/" + id + "/answer",
                Map.of("explanation", "Our security contact was on leave without a backup.",
                        "correction", "Two people now watch the list; a rota is on our wiki."));

        // then the answer is recorded, audited, and the list admins close it
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.json().path("answer").path("answeredBy").asText()).isEqualTo(distro.first().username());
        assertThat(instance).isWaitingAt(CLOSE);
        assertThat(tasks.getIdentityLinksForTask(task(instance, CLOSE).getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("list-admins");
        JsonNode closed = close(id, "CORRECTED", "The rota covers it.");
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").path("outcome").asText()).isEqualTo("CORRECTED");
        assertThat(instance).isEnded();
        assertThat(roster.rolesHeld(distro.id())).containsExactly("A1", "T2");
        assertThat(actions(id)).containsExactly("ACCOUNTABILITY_RAISED", "ACCOUNTABILITY_ANSWERED", "ACCOUNTABILITY_CLOSED");
    }

    @Test
    void shouldRemindThePeopleHalfwayAndStillTakeTheirAnswer() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-03-01T00:00:00Z"), "A2");
        String id = raise(distro, "A2", "Disclosure date of thread 2026-11-03 passed without a reminder.");
        ProcessInstance instance = instance(id);

        // when halfway to the deadline passes
        management.executeJob(timer(instance, REMINDER).getId());

        // then each person gets the reminder, the item shows it, and the task is still theirs
        for (MemberDistros.Person person : distro.people()) {
            assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_REMINDER + ":" + person.email()))
                    .startsWith("Reminder: please account for role A2");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !item(id).path("remindedAt").isNull());
        assertThat(instance).isWaitingAt(ANSWER);
        assertThat(answer(distro, id).status()).isEqualTo(200);
        assertThat(actions(id)).contains("ACCOUNTABILITY_REMINDED", "ACCOUNTABILITY_ANSWERED");
        JsonNode closed = close(id, "EXPLAINED", null);
        assertThat(closed.path("closure").path("outcome").asText()).isEqualTo("EXPLAINED");
    }

    @Test
    void shouldEscalateToTheListAdminsWhenNobodyAnswersInTime() {
        MemberDistros.Distro distro = distros.admit(1, Instant.parse("2026-03-01T00:00:00Z"), "A3");
        String id = raise(distro, "A3", "No coordinated release date was proposed for thread 2026-10-10.");
        ProcessInstance instance = instance(id);

        // when the deadline passes without an answer
        management.executeJob(timer(instance, OVERDUE).getId());

        // then the item is escalated, the admins are mailed and have the closing task; a late answer is refused
        assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_ESCALATION + ":admin@vouchsafe.example"))
                .isEqualTo("No answer from " + distro.name() + " for role A3");
        assertThat(item(id).path("status").asText()).isEqualTo("ESCALATED");
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(CLOSE).count() == 1);
        assertThat(answer(distro, id).status()).isEqualTo(409);
        assertThat(actions(id)).contains("ACCOUNTABILITY_ESCALATED");
        assertThat(close(id, "EXPLAINED", "Discussed on the phone.").path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shouldTakeTheRoleFromTheDistroWhenTheAdminWithdrawsIt() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-03-01T00:00:00Z"), "A4", "T1");
        String id = raise(distro, "A4", "The monthly summary was not sent in October and November.");
        assertThat(answer(distro, id).status()).isEqualTo(200);

        // a withdrawal needs a note the distro reads
        Api.Response withoutNote = api.post("admin", "/api/accountability/" + id + "/closure", Map.of("outcome", "ROLE_WITHDRAWN"));
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.body()).contains("note");

        JsonNode closed = close(id, "ROLE_WITHDRAWN", "Twice missed; another distro takes A4.");

        assertThat(closed.path("closure").path("outcome").asText()).isEqualTo("ROLE_WITHDRAWN");
        assertThat(roster.rolesHeld(distro.id())).containsExactly("T1");
        // the role coverage: nobody of the distro holds A4 any more
        assertThat(roster.people(distro.id())).allSatisfy(m -> assertThat(m.getRoles())
                .extracting(r -> r.getRoleId()).doesNotContain("A4"));
        // and a new request for A4 is refused: the distro does not hold it
        Api.Response again = api.post("admin", "/api/members/" + distro.id() + "/accountability",
                Map.of("role", "A4", "what", "Again.", "reference", "https://example.org/x"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void shouldLeaveTheRemovalToTheAdminWhenItIsProposed() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-03-01T00:00:00Z"), "A5");
        String id = raise(distro, "A5", "Bugs reported to the distro were not passed upstream.");
        assertThat(answer(distro, id).status()).isEqualTo(200);

        JsonNode closed = close(id, "REMOVAL_PROPOSED", "Inactive for a year.");

        // the proposal changes nobody's subscription; it names the route that confirms it
        assertThat(closed.path("closure").path("outcome").asText()).isEqualTo("REMOVAL_PROPOSED");
        assertThat(closed.path("next").asText()).contains("/api/members/" + distro.id() + "/removal");
        assertThat(roster.people(distro.id())).hasSize(2);
        // the admin confirms it
        Api.Response removed = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "Removal proposed in accountability request " + id + "."));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(members.findAll()).filteredOn(m -> distro.name().equals(m.getDistro()))
                .extracting(m -> m.getStatus()).containsOnly(MemberStatus.LEFT);
    }

    @Test
    void shouldHandTheRequestToTheAdminsWhenTheDistrosLastPersonLeaves() {
        MemberDistros.Distro distro = distros.admit(1, Instant.parse("2026-03-01T00:00:00Z"), "A6");
        String id = raise(distro, "A6", "No answer to the list admin's question of 2026-11-01.");
        ProcessInstance instance = instance(id);

        Api.Response removed = api.post("admin", "/api/members/" + distro.id() + "/removal", Map.of("reason", "Gone."));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(item(id).path("status").asText()).isEqualTo("ESCALATED");
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(CLOSE).count() == 1);
    }

    private String raise(MemberDistros.Distro distro, String role, String what) {
        Api.Response raised = api.post("admin", "/api/members/" + distro.id() + "/accountability",
                Map.of("role", role, "what", what, "reference", "https://www.openwall.com/lists/oss-security/2026/11/20/1"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.json().path("id").asText();
        // the answer task follows the job that mails the people
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(ANSWER).count() == 1);
        return id;
    }

    private Api.Response answer(MemberDistros.Distro distro, String id) {
        return api.post(distro.first().username(), "/api/accountability/" + id + "/answer",
                Map.of("explanation", "We missed it.", "correction", "It is on our checklist now."));
    }

    private JsonNode close(String id, String outcome, String note) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("outcome", outcome);
        body.put("note", note);
        Api.Response closed = api.post("admin", "/api/accountability/" + id + "/closure", body);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        return closed.json();
    }

    private JsonNode item(String id) {
        Api.Response item = api.get("admin", "/api/accountability/" + id);
        assertThat(item.status()).as(item.toString()).isEqualTo(200);
        return item.json();
    }

    private ProcessInstance instance(String id) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(AccountabilityProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
        assertThat(instance).as("accountability process of " + id).isNotNull();
        return instance;
    }

    private Task task(ProcessInstance instance, String activity) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
        assertThat(task).as(activity).isNotNull();
        return task;
    }

    private Job timer(ProcessInstance instance, String activity) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).timers().singleResult();
        assertThat(job).as("timer of " + activity).isNotNull();
        return job;
    }

    /** The audit actions about one item, in chain order. */
    private List<String> actions(String itemId) {
        return jdbc.queryForList("select action from audit_event where details like ? order by seq", String.class,
                "%" + itemId + "%");
    }

    private String outbox(String safeKey) throws IOException {
        // the outbox names a file by at most 100 characters of the key
        String safeKeyPrefix = safeKey.length() > 100 ? safeKey.substring(0, 100) : safeKey;
        try (Stream<Path> files = Files.list(pgp.dataDir().resolve("outbox"))) {
            Path mail = files.filter(f -> f.getFileName().toString().startsWith(safeKeyPrefix + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no outbox mail " + safeKeyPrefix));
            return Files.readString(mail, StandardCharsets.ISO_8859_1);
        }
    }
}
