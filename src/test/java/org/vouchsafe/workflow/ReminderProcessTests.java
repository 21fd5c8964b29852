package org.vouchsafe.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/**
 * The reminders of the membership process (issue 7): reviewers who have not voted, the admin
 * told who is late, requesters with open questions, and a stale request handed to the admin.
 * Each timer is fired by executing its job; the mail it causes goes out in its own job.
 */
@VouchsafeTest
class ReminderProcessTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PgpProperties pgp;

    Api api;
    Mails mails;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        api = new Api(rest);
        mails = new Mails(jdbc);
    }

    @Test
    void shouldRemindReviewersWhoHaveNotVotedAndThenTellTheAdminWhoIsLate() throws IOException {
        String id = file();
        ProcessInstance instance = membership(id);
        assertThat(instance).isWaitingAt(VOTE);
        assertThat(api.post("reviewer1", "/api/requests/" + id + "/votes", Api.vote("APPROVE", "Fine.")).status())
                .isEqualTo(201);

        management.executeJob(timer(instance, VOTE_REMINDER));

        String reminders = instance.getId() + ":" + MAIL_VOTE_REMINDER + ":round1:";
        assertThat(mails.awaitSent(reminders + "reviewer2@debian.org")).startsWith("Reminder: your vote on");
        // one job sends the four mails one after the other
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mails.recipients(reminders))
                .as("reviewer1 voted already").containsExactly("reviewer2@debian.org", "reviewer3@fedoraproject.org",
                        "reviewer4@opensuse.org", "reviewer5@gentoo.org"));
        assertThat(instance).isWaitingAt(VOTE);

        management.executeJob(timer(instance, VOTE_OVERDUE));

        assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_LATE_REVIEWERS + ":round1:admin@vouchsafe.example"))
                .startsWith("Reviewers late on");
        assertThat(outbox(instance.getId() + "_" + MAIL_LATE_REVIEWERS + "_round1_admin_vouchsafe.example"))
                .contains("reviewer2@debian.org", "reviewer5@gentoo.org").doesNotContain("reviewer1@");
    }

    @Test
    void shouldMailTheQuestionsRemindTheApplicantAndHandAStaleRequestToTheAdmin() {
        String id = file();
        ProcessInstance instance = membership(id);
        Api.Response question = api.post("reviewer2", "/api/requests/" + id + "/votes",
                Api.vote("NEEDS_INFO", "Which advisories did you publish in 2026?"));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        assertThat(status(id)).isEqualTo("NEEDS_INFO");
        assertThat(instance).isWaitingAt(AWAIT_REPLY);
        assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_QUESTIONS + ":round1:ann@example.org"))
                .startsWith("Questions from the reviewers");

        management.executeJob(timer(instance, REPLY_REMINDER));

        assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_REPLY_REMINDER + ":round1:ann@example.org"))
                .startsWith("Reminder: the reviewers' questions are waiting");
        assertThat(instance).isWaitingAt(AWAIT_REPLY);

        management.executeJob(timer(instance, REPLY_STALE));

        assertThat(mails.awaitSent(instance.getId() + ":" + MAIL_STALE_REQUEST + ":round1:admin@vouchsafe.example"))
                .startsWith("Stale request:");
        await().atMost(Duration.ofSeconds(60)).until(() -> "AWAITING_DECISION".equals(status(id)));
        assertThat(instance).isWaitingAt(ADMIN_DECISION);
        assertThat(api.post("applicant", "/api/requests/" + id + "/replies", Map.of("text", "Too late.")).status())
                .as("the wait for the reply is over").isEqualTo(409);
    }

    /** The .eml the outbox transport wrote (no SMTP host in tests); admins' mails are signed, not encrypted. */
    private String outbox(String safeKeyPrefix) throws IOException {
        try (Stream<Path> files = Files.list(pgp.dataDir().resolve("outbox"))) {
            Path mail = files.filter(f -> f.getFileName().toString().startsWith(safeKeyPrefix + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no outbox mail " + safeKeyPrefix));
            return Files.readString(mail, StandardCharsets.ISO_8859_1);
        }
    }

    private String file() {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private String status(String id) {
        return api.get("admin", "/api/requests/" + id).json().path("status").asText();
    }

    private ProcessInstance membership(String id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
    }

    /**
     * The timer's job, once the instance's asynchronous jobs (mails) have run: firing a timer while
     * the job executor works on the same instance would collide on the engine's optimistic lock.
     */
    private String timer(ProcessInstance instance, String activityId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management.createJobQuery().processInstanceId(instance.getId()).executable().count() == 0);
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult()
                .getId();
    }
}
