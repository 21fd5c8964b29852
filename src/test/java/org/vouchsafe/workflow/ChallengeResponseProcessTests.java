package org.vouchsafe.workflow;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Mails;
import org.vouchsafe.support.Pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Criterion 8 end to end: after filing, the challenge process issues and mails an encrypted
 * challenge to each requester; the applicant answers over HTTP with what the requester decrypted,
 * and criterion 8 follows. Timers are run by executing their jobs, never by waiting.
 */
@VouchsafeTest
class ChallengeResponseProcessTests {

    /** Full fingerprint of fixtures/ann.pub.asc, the requester of {@link Filings#valid()}. */
    static final String ANN = "AED577C62FD06429372B954DDAF6ED6C7C8D0D21";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Mails mails;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        api = new Api(rest);
        mails = new Mails(jdbc);
    }

    @Test
    void shouldIssueAndMailTheChallengeAfterFiling() {
        String id = file();

        ProcessInstance challenges = awaitWaitingForAnswers(id);

        assertThat(challenges).hasPassed(ChallengeProcess.Activities.ISSUE, ChallengeProcess.Activities.MAIL_CHALLENGES)
                .isWaitingAt(ChallengeProcess.Activities.AWAIT_ANSWERS);
        assertThat(mails.awaitSent(challenges.getId() + ":" + ChallengeProcess.Activities.MAIL_CHALLENGES
                + ":ann@example.org")).startsWith("Encrypted challenge for");
        String membership = membership(id).getId();
        assertThat(mails.awaitSent(membership + ":" + MembershipProcess.Activities.MAIL_REQUEST_FILED
                + ":ann@example.org")).startsWith("Membership request for");
        JsonNode c8 = criterion(id, 8);
        assertThat(c8.path("outcome").asText()).isEqualTo("PENDING");
        assertThat(c8.path("reasons").get(0).asText()).contains("ann@example.org", "has not yet answered");
    }

    @Test
    void shouldPassCriterion8WhenTheRequesterAnswersWhatTheyDecrypted() {
        String id = file();
        ProcessInstance challenges = awaitWaitingForAnswers(id);
        String path = "/api/requests/" + id + "/challenges/" + ANN;
        Api.Response challenge = api.get("applicant", path);
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
        assertThat(challenge.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(api.get("reviewer1", path).status()).as("only the applicant and list admins fetch it").isEqualTo(404);

        String code = Pgp.code(Pgp.decrypt("ann", challenge.json().path("message").asText()));
        Api.Response answered = api.post("applicant", path, Map.of("answer", code));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("outcome").asText()).isEqualTo("CORRECT");
        assertThat(answered.json().path("check").path("outcome").asText()).isEqualTo("PASS");
        assertThat(criterion(id, 8).path("outcome").asText()).isEqualTo("PASS");
        assertThat(challenges).isEnded().hasPassed(ChallengeProcess.Activities.END_SETTLED);
        assertThat(api.post("applicant", path, Map.of("answer", code)).status())
                .as("an answer counts once").isEqualTo(409);
    }

    @Test
    void shouldTakeTheCodeFromTheWholeDecryptedTextPastedAsTheAnswer() {
        String id = file();
        awaitWaitingForAnswers(id);
        String path = "/api/requests/" + id + "/challenges/" + ANN;
        String decrypted = Pgp.decrypt("ann", api.get("applicant", path).json().path("message").asText());

        Api.Response twoCodes = api.post("applicant", path, Map.of("answer", decrypted + "\n" + "0".repeat(64)));
        Api.Response whole = api.post("applicant", path, Map.of("answer", decrypted));

        assertThat(twoCodes.status()).as(twoCodes.toString()).isEqualTo(400);
        assertThat(twoCodes.json().path("outcome").asText()).isEqualTo("WRONG");
        assertThat(twoCodes.errorFields()).containsExactly("answer");
        assertThat(twoCodes.json().path("detail").asText()).contains("Paste the code only");
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.json().path("outcome").asText()).isEqualTo("CORRECT");
        assertThat(criterion(id, 8).path("outcome").asText()).isEqualTo("PASS");
    }

    @Test
    void shouldFailCriterion8AfterFiveWrongAnswers() {
        String id = file();
        ProcessInstance challenges = awaitWaitingForAnswers(id);
        String path = "/api/requests/" + id + "/challenges/" + ANN;

        for (int attempt = 1; attempt <= 4; attempt++) {
            Api.Response wrong = api.post("applicant", path, Map.of("answer", "0".repeat(64)));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(wrong.json().path("outcome").asText()).isEqualTo("WRONG");
            assertThat(wrong.errorFields()).containsExactly("answer");
            assertThat(wrong.json().path("remainingAttempts").asInt()).isEqualTo(5 - attempt);
        }
        Api.Response last = api.post("applicant", path, Map.of("answer", "0".repeat(64)));

        assertThat(last.status()).isEqualTo(400);
        assertThat(last.json().path("outcome").asText()).isEqualTo("FAILED");
        assertThat(last.json().path("status").asText()).isEqualTo("FAILED");
        JsonNode c8 = criterion(id, 8);
        assertThat(c8.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(c8.path("reasons").get(0).asText()).contains("Ann Example <ann@example.org>", "5 wrong answers");
        assertThat(challenges).isEnded().hasPassed(ChallengeProcess.Activities.END_SETTLED);
        assertThat(api.post("applicant", path, Map.of("answer", "0".repeat(64))).json().path("outcome").asText())
                .isEqualTo("ALREADY_FAILED");
    }

    @Test
    void shouldFailCriterion8WhenTheChallengeExpiresUnanswered() {
        String id = file();
        ProcessInstance challenges = awaitWaitingForAnswers(id);

        management.executeJob(timer(challenges, ChallengeProcess.Activities.EXPIRED).getId());

        assertThat(challenges).isEnded().hasPassed(ChallengeProcess.Activities.EXPIRE,
                ChallengeProcess.Activities.END_EXPIRED);
        JsonNode c8 = criterion(id, 8);
        assertThat(c8.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(c8.path("reasons").get(0).asText()).contains("Ann Example <ann@example.org>", "did not answer");
        assertThat(api.get("applicant", "/api/requests/" + id + "/challenges/" + ANN).json().path("status").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void shouldRemindRequestersWhoHaveNotAnswered() {
        String id = file();
        ProcessInstance challenges = awaitWaitingForAnswers(id);

        management.executeJob(timer(challenges, ChallengeProcess.Activities.REMINDER).getId());

        assertThat(mails.awaitSent(challenges.getId() + ":" + ChallengeProcess.Activities.MAIL_REMINDER
                + ":ann@example.org")).startsWith("Reminder: encrypted challenge");
        assertThat(challenges).isWaitingAt(ChallengeProcess.Activities.AWAIT_ANSWERS);
    }

    private String file() {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private ProcessInstance membership(String id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
    }

    /** The challenge process, once its asynchronous issue and mail jobs have run. */
    private ProcessInstance awaitWaitingForAnswers(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createExecutionQuery()
                .processDefinitionKey(ChallengeProcess.PROCESS_KEY).processInstanceBusinessKey(id)
                .activityId(ChallengeProcess.Activities.AWAIT_ANSWERS).count() == 1);
        return runtime.createProcessInstanceQuery().processDefinitionKey(ChallengeProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id).singleResult();
    }

    /** The timer's job, once no asynchronous job of the instance is left to collide with it. */
    private Job timer(ProcessInstance instance, String activityId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management.createJobQuery().processInstanceId(instance.getId()).executable().count() == 0);
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private JsonNode criterion(String id, int number) {
        return api.get("applicant", "/api/requests/" + id).json().path("criteria").get(number - 1).path("check");
    }
}
