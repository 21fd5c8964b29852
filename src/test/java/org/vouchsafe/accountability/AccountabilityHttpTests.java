package org.vouchsafe.accountability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.MemberDistros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accountability requests over HTTP as the people involved meet them: the admin raises one for a
 * role the distro holds (and is told precisely what is wrong otherwise); only the people of that
 * distro see and answer it; only a list admin closes it, and only once it was answered or escalated.
 */
@VouchsafeTest
class AccountabilityHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    Api api;
    MemberDistros distros;
    MemberDistros.Distro distro;
    MemberDistros.Distro other;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        distros = new MemberDistros(filings, json, members, identity);
        distro = distros.admit(1, Instant.parse("2026-04-01T00:00:00Z"), "A9", "T3");
        other = distros.admit(1, Instant.parse("2026-04-01T00:00:00Z"), "A9");
    }

    @Test
    void shouldRaiseARequestForAHeldRoleAndAnswerWithItsLocation() {
        Api.Response raised = raise("admin", distro.id(), body("A9", "Missed the 2026-11 report triage.",
                "https://www.openwall.com/lists/oss-security/2026/11/05/2"));

        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.entity().getHeaders().getLocation()).hasToString("/api/accountability/" + raised.json().path("id").asText());
        assertThat(raised.json().path("distroId").asText()).isEqualTo(distro.id());
        assertThat(raised.json().path("role").asText()).isEqualTo("A9");
        assertThat(raised.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(raised.json().path("raisedBy").asText()).isEqualTo("admin");
        assertThat(Instant.parse(raised.json().path("answerDue").asText()))
                .isAfter(Instant.parse(raised.json().path("raisedAt").asText()).plusSeconds(13 * 86_400));
    }

    @Test
    void shouldRefuseARequestForARoleTheDistroDoesNotHoldForAnUnknownRoleOrDistroAndForContentInsteadOfReferences() {
        Api.Response notHeld = raise("admin", distro.id(), body("A1", "Anything.", null));
        Api.Response unknownRole = raise("admin", distro.id(), body("Z9", "Anything.", null));
        Api.Response unknownDistro = raise("admin", "no-such-distro", body("A9", "Anything.", null));
        Api.Response tooLong = raise("admin", distro.id(), body("A9", "x".repeat(501), "line one\nline two"));
        Api.Response nothing = raise("admin", distro.id(), new HashMap<>());

        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.body()).contains("does not hold role A1", "A9", "T3");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().path("errors").get(0).path("field").asText()).isEqualTo("role");
        assertThat(unknownDistro.status()).isEqualTo(404);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"what\"", "\"reference\"", "embargoed");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("\"role\"", "\"what\"");
    }

    @Test
    void shouldLetOnlyListAdminsRaiseWhileMembersMayNot() {
        assertThat(raise(distro.first().username(), other.id(), body("A9", "Missed it.", null)).status()).isEqualTo(403);
        assertThat(raise("applicant", distro.id(), body("A9", "Missed it.", null)).status()).isEqualTo(403);
        assertThat(raise("reviewer1", distro.id(), body("A9", "Missed it.", null)).status()).isEqualTo(403);
    }

    @Test
    void shouldShowAndTakeTheAnswerOnlyFromThePeopleOfThatDistro() {
        String id = answerable(raise("admin", distro.id(), body("A9", "Missed the triage.", null)));
        Map<String, Object> answer = Map.of("explanation", "Holidays.", "correction", "A backup person.");

        assertThat(api.get(distro.first().username(), "/api/accountability/" + id).status()).isEqualTo(200);
        assertThat(api.get(other.first().username(), "/api/accountability/" + id).status()).isEqualTo(403);
        assertThat(api.get("applicant", "/api/accountability/" + id).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/accountability/no-such-item").status()).isEqualTo(404);

        assertThat(api.post(other.first().username(), "/api/accountability/" + id + "/answer", answer).status()).isEqualTo(403);
        assertThat(api.post("applicant", "/api/accountability/" + id + "/answer", answer).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/accountability/" + id + "/answer", answer).status()).isEqualTo(403);
        Api.Response empty = api.post(distro.first().username(), "/api/accountability/" + id + "/answer", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"explanation\"", "\"correction\"");

        Api.Response answered = api.post(distro.first().username(), "/api/accountability/" + id + "/answer", answer);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("answer").path("correction").asText()).isEqualTo("A backup person.");
        assertThat(api.post(distro.first().username(), "/api/accountability/" + id + "/answer", answer).status())
                .isEqualTo(409);
    }

    @Test
    void shouldLetOnlyListAdminsCloseAndOnlyOnceAnswered() {
        String id = answerable(raise("admin", distro.id(), body("A9", "Missed the triage.", null)));
        Map<String, Object> closure = Map.of("outcome", "EXPLAINED", "note", "Understood.");

        assertThat(api.post("admin", "/api/accountability/" + id + "/closure", closure).status()).isEqualTo(409);
        assertThat(api.post(distro.first().username(), "/api/accountability/" + id + "/answer",
                Map.of("explanation", "Holidays.", "correction", "A backup person.")).status()).isEqualTo(200);

        assertThat(api.post(distro.first().username(), "/api/accountability/" + id + "/closure", closure).status())
                .isEqualTo(403);
        assertThat(api.post("applicant", "/api/accountability/" + id + "/closure", closure).status()).isEqualTo(403);
        Api.Response unknown = api.post("admin", "/api/accountability/" + id + "/closure", Map.of("outcome", "FORGIVEN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("outcome");
        Api.Response closed = api.post("admin", "/api/accountability/" + id + "/closure", closure);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("closure").path("closedBy").asText()).isEqualTo("admin");
        assertThat(api.post("admin", "/api/accountability/" + id + "/closure", closure).status()).isEqualTo(409);
    }

    /** The raised item's id, once its answer task exists (it follows the job that mails the people). */
    private String answerable(Api.Response raised) {
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_Answer").count() == 1);
        return id;
    }

    private Api.Response raise(String user, String distroId, Map<String, Object> body) {
        return api.post(user, "/api/members/" + distroId + "/accountability", body);
    }

    private static Map<String, Object> body(String role, String what, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("what", what);
        body.put("reference", reference);
        return body;
    }
}
