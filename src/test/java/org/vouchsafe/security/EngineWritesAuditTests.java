package org.vouchsafe.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes made through Camunda's own surfaces leave a trace in the audit log, as a list admin
 * would find it: users and memberships created over {@code /engine-rest}, variables set, a
 * timer fired early, Cockpit's modification and cancellation of a running request. Reads leave
 * none, and neither do the application's own paths (a vote over the API or in Tasklist), which
 * are audited in their own words.
 */
@VouchsafeTest
class EngineWritesAuditTests {

    private static final String COCKPIT_API = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    Http http;
    Requests requests;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        requests = new Requests(http);
    }

    @Test
    void shouldRecordAUserAGroupAndAMembershipCreatedThroughTheEngineRestApi() {
        // given
        long head = headSeq();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "eng-" + suffix;
        String group = "auditors-" + suffix;
        String password = "Sup3r-secret-" + UUID.randomUUID();

        // when
        Http.Response created = http.call("POST", "/engine-rest/user/create").as("admin").json(Http.json(Map.of(
                "profile", Map.of("id", user, "firstName", "Eve", "lastName", "Engine", "email", "eve@example.org"),
                "credentials", Map.of("password", password)))).send();
        Http.Response groupCreated = http.call("POST", "/engine-rest/group/create").as("admin")
                .json(Http.json(Map.of("id", group, "name", "Auditors", "type", "WORKFLOW"))).send();
        Http.Response member = http.call("PUT", "/engine-rest/group/" + group + "/members/" + user).as("admin").send();

        // then
        assertThat(List.of(created, groupCreated, member)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(204));
        List<JsonNode> events = engineEventsAfter(head);
        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("IDENTITY_CHANGED");
            assertThat(e.path("actor").asText()).isEqualTo("admin");
            assertThat(e.path("requestId").isNull()).isTrue();
        });
        assertThat(events.get(0).path("summary").asText()).contains("created user " + user);
        assertThat(events.get(0).path("details").path("channel").asText()).isEqualTo("POST /engine-rest/user/create");
        assertThat(events.get(1).path("summary").asText()).contains("created group " + group);
        assertThat(events.get(2).path("summary").asText()).contains("created membership of user " + user + " in group " + group);
        assertThat(events.toString()).doesNotContain(password).doesNotContain("eve@example.org");
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void shouldRecordAVariableSetThroughTheEngineRestApiOnTheRequestsTrail() {
        // given
        String id = requests.inReview();
        String instance = processInstanceOf(id);
        awaitJobsDone();

        // when
        Http.Response note = http.call("PUT", "/engine-rest/process-instance/" + instance + "/variables/quorumNote")
                .as("admin").json(Http.json(Map.of("value", "checked by phone", "type", "String"))).send();
        Http.Response token = http.call("PUT", "/engine-rest/process-instance/" + instance + "/variables/apiToken")
                .as("admin").json(Http.json(Map.of("value", "tok-very-secret-1234", "type", "String"))).send();

        // then
        assertThat(note.status()).as(note.toString()).isEqualTo(204);
        assertThat(token.status()).as(token.toString()).isEqualTo(204);
        List<JsonNode> events = engineEventsOf(id);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(events.get(0).path("details").path("changes").asText())
                .contains("set variable quorumNote of process instance " + instance + " = string \"checked by phone\"");
        assertThat(events.get(1).path("details").path("changes").asText())
                .contains("set variable apiToken of process instance " + instance + " = string (value not recorded)");
        assertThat(events.toString()).doesNotContain("tok-very-secret-1234");
    }

    @Test
    void shouldRecordATimerFiredEarlyThroughTheEngineRestApi() {
        // given: the vote reminder timer of a request in review
        String id = requests.inReview();
        String instance = processInstanceOf(id);
        String job = await().atMost(Duration.ofSeconds(30)).until(() -> http.call("GET", "/engine-rest/job?processInstanceId="
                + instance + "&activityId=Event_VoteReminder&maxResults=10").as("admin").send().json(), jobs -> jobs.size() > 0)
                .get(0).path("id").asText();
        awaitJobsDone();

        // when
        Http.Response executed = http.call("POST", "/engine-rest/job/" + job + "/execute").as("admin").send();

        // then
        assertThat(executed.status()).as(executed.toString()).isEqualTo(204);
        List<JsonNode> events = engineEventsOf(id);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("action").asText()).isEqualTo("ENGINE_CHANGE");
        assertThat(event.path("actor").asText()).isEqualTo("admin");
        assertThat(event.path("details").path("command").asText()).isEqualTo("ExecuteJobsCmd");
        assertThat(event.path("details").path("channel").asText()).isEqualTo("POST /engine-rest/job/" + job + "/execute");
        assertThat(event.path("details").path("changes").asText()).contains("deleted job " + job + " (timer-transition");
    }

    @Test
    void shouldRecordACockpitModificationAndCancellationOfARunningRequest() {
        // given
        String id = requests.inReview();
        String instance = processInstanceOf(id);
        Session cockpit = camundaLogin("cockpit", "admin");

        awaitJobsDone();

        // when: the admin starts a reminder mail by hand, then (once it is sent) cancels the request's process
        Http.Response modified = cockpit.call("POST", COCKPIT_API + "/process-instance/" + instance + "/modification")
                .json(Http.json(Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_MailVoteReminder"))))).send();
        awaitJobsDone();
        Http.Response cancelled = cockpit.call("DELETE", COCKPIT_API + "/process-instance/" + instance).send();

        // then
        assertThat(modified.status()).as(modified.toString()).isEqualTo(204);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        List<JsonNode> events = engineEventsOf(id);
        assertThat(events).extracting(e -> e.path("details").path("command").asText())
                .containsExactly("ModifyProcessInstanceCmd", "DeleteProcessInstanceCmd");
        assertThat(events).allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("admin"));
        assertThat(events.get(0).path("details").path("channel").asText())
                .isEqualTo("POST " + COCKPIT_API + "/process-instance/" + instance + "/modification");
        assertThat(events.get(1).path("details").path("changes").asText()).contains("deleted process instance " + instance);
    }

    @Test
    void shouldNotRecordReads() {
        // given
        String id = requests.inReview();
        String instance = processInstanceOf(id);
        Session cockpit = camundaLogin("cockpit", "admin");
        long head = headSeq();

        // when
        List<Http.Response> reads = new ArrayList<>();
        reads.add(http.call("GET", "/engine-rest/user?maxResults=20").as("admin").send());
        reads.add(http.call("GET", "/engine-rest/process-instance/" + instance + "/variables").as("admin").send());
        reads.add(http.call("GET", "/engine-rest/job?processInstanceId=" + instance + "&maxResults=20").as("admin").send());
        reads.add(cockpit.call("GET", COCKPIT_API + "/process-instance/" + instance + "/activity-instances").send());
        reads.add(cockpit.call("GET", COCKPIT_API + "/task?processInstanceId=" + instance + "&maxResults=20").send());

        // then
        assertThat(reads).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(engineEventsAfter(head)).isEmpty();
    }

    @Test
    void shouldNotRecordTheApplicationsOwnVoteOverTheApiOrInTasklistAsAnEngineChange() {
        // given
        String id = requests.inReview();
        Session tasklist = camundaLogin("tasklist", "reviewer2");
        String task = tasklist.call("GET", COCKPIT_API + "/task?processInstanceBusinessKey=" + id
                + "&assignee=reviewer2&maxResults=5").send().json().get(0).path("id").asText();
        awaitJobsDone();

        // when
        requests.vote(id, "reviewer1", "APPROVE", null);
        Http.Response submitted = tasklist.call("POST", COCKPIT_API + "/task/" + task + "/submit-form")
                .json(Http.json(Map.of("variables", Map.of("vote", Map.of("value", "APPROVE", "type", "String"))))).send();

        // then
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
        JsonNode trail = http.call("GET", "/api/audit?request=" + id).as("admin").send().json();
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.path("action").asText() + " " + e.path("actor").asText()));
        assertThat(actions).contains("VOTE_CAST reviewer1", "VOTE_CAST reviewer2");
        assertThat(engineEventsOf(id)).isEmpty();
    }

    @Test
    void shouldRecordNothingWhenTheChangeFails() {
        // given: a user that already exists
        long head = headSeq();

        // when: creating it again fails when the engine writes it, and the whole transaction rolls back
        Http.Response duplicate = http.call("POST", "/engine-rest/user/create").as("admin").json(Http.json(Map.of(
                "profile", Map.of("id", "reviewer3", "firstName", "Dup", "lastName", "Licate", "email", "dup@example.org"),
                "credentials", Map.of("password", "Another-passw0rd-123")))).send();

        // then
        assertThat(duplicate.status()).as(duplicate.toString()).isGreaterThanOrEqualTo(400);
        assertThat(engineEventsAfter(head)).isEmpty();
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    /**
     * Waits until the job executor has nothing left to run (the filing's mails, a started reminder),
     * so that an admin's change does not collide with a job on the same process instance.
     */
    private void awaitJobsDone() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.call("GET", "/engine-rest/job/count?executable=true").as("admin").send().json().path("count").asLong() == 0);
    }

    private String processInstanceOf(String requestId) {
        JsonNode instances = http.call("GET", "/engine-rest/process-instance?businessKey=" + requestId
                + "&processDefinitionKey=membershipRequest&maxResults=1").as("admin").send().json();
        assertThat(instances.size()).as("process instance of " + requestId).isEqualTo(1);
        return instances.get(0).path("id").asText();
    }

    private long headSeq() {
        return verify().path("headSeq").asLong();
    }

    private JsonNode verify() {
        Http.Response verified = http.call("GET", "/api/audit/verify").as("admin").send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json();
    }

    /** Engine and identity events appended after {@code seq}, oldest first. */
    private List<JsonNode> engineEventsAfter(long seq) {
        Http.Response log = http.call("GET", "/api/audit?after=" + seq + "&limit=500").as("admin").send();
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        return engineEvents(log.json());
    }

    private List<JsonNode> engineEventsOf(String requestId) {
        Http.Response trail = http.call("GET", "/api/audit?request=" + requestId).as("admin").send();
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        return engineEvents(trail.json());
    }

    private static List<JsonNode> engineEvents(JsonNode events) {
        List<JsonNode> engine = new ArrayList<>();
        events.forEach(e -> {
            String action = e.path("action").asText();
            if (action.equals("ENGINE_CHANGE") || action.equals("IDENTITY_CHANGED")) {
                engine.add(e);
            }
        });
        return engine;
    }

    /** A Camunda webapp session: the cookies and XSRF token the webapps' own client sends with every call. */
    private Session camundaLogin(String app, String user) {
        Http.Response page = http.call("GET", "/camunda/app/" + app + "/default/").header("Accept", "text/html").send();
        String session = page.cookie("JSESSIONID");
        String xsrf = page.cookie("XSRF-TOKEN");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", Http.PASSWORD);
        Http.Response login = http.call("POST", "/camunda/api/admin/auth/user/default/login/" + app)
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .form(Http.form(form))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String newSession = login.cookie("JSESSIONID");
        String sessionId = newSession != null ? newSession : session;
        // Like the webapp's client: a first read in the signed-in session hands out the session's token.
        Http.Response me = http.call("GET", "/camunda/api/admin/auth/user/default")
                .header("Cookie", "JSESSIONID=" + sessionId + "; XSRF-TOKEN=" + xsrf).send();
        String token = me.header("X-XSRF-TOKEN") != null ? me.header("X-XSRF-TOKEN")
                : login.cookie("XSRF-TOKEN") != null ? login.cookie("XSRF-TOKEN") : xsrf;
        return new Session(app, sessionId, token);
    }

    /** Calls with a webapp session's cookies, XSRF header and the same-origin referrer a browser sends. */
    private final class Session {

        private final String app;
        private final String id;
        private final String xsrf;

        Session(String app, String id, String xsrf) {
            this.app = app;
            this.id = id;
            this.xsrf = xsrf;
        }

        Http.Call call(String method, String path) {
            return http.call(method, path)
                    .header("Cookie", "JSESSIONID=" + id + "; XSRF-TOKEN=" + xsrf)
                    .header("X-XSRF-TOKEN", xsrf)
                    .header("Referer", http.base() + "/camunda/app/" + app + "/default/");
        }
    }
}
