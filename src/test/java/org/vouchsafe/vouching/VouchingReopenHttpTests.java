package org.vouchsafe.vouching;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.vouching.TestVouchers.person;
import static org.vouchsafe.vouching.TestVouchers.veteranVouch;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;
import static org.vouchsafe.vouching.VouchingTestSupport.voucher;

/**
 * {@code POST /api/requests/{id}/vouching/reopen}: after the vouching deadline a list admin reopens
 * vouching with a new deadline, criterion 9 waits again and a vouch is taken; not before the
 * deadline, not once the request is decided, not with a deadline in the past, and by list admins
 * only. The oss-security thread shows a named voucher as named until they vouched.
 */
@VouchsafeTest
class VouchingReopenHttpTests {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    private record Scene(String id, Person veteran, Person ann, ProcessInstance vouching) {
    }

    @Test
    void shouldReopenAfterTheDeadlineAndTakeTheVouchAgain() {
        Scene s = scene();
        pastTheDeadline(s);
        assertThat(criterion9(s.id()).path("outcome").asText()).isEqualTo("FAIL");
        assertThat(vouch(s).status()).as("a vouch after the deadline").isNotEqualTo(201);

        Instant deadline = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);
        for (String notAdmin : new String[] {"applicant", "reviewer1"}) {
            assertThat(reopen(notAdmin, s.id(), deadline.toString()).status()).as(notAdmin).isEqualTo(403);
        }
        Api.Response reopened = reopen("admin", s.id(), deadline.toString());

        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().path("deadline").asText()).isEqualTo(deadline.toString());
        assertThat(reopened.json().path("check").path("outcome").asText()).isEqualTo("PENDING");
        assertThat(criterion9(s.id()).path("outcome").asText()).isEqualTo("PENDING");
        JsonNode audit = rest().get("admin", "/api/audit?request=" + s.id()).json();
        assertThat(audit.findValuesAsText("action")).contains("VOUCHING_REOPENED");
        // once the process has asked the voucher again, their vouch is taken
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processInstanceId(s.vouching().getId()).executable().count() == 0);
        Api.Response vouched = vouch(s);
        assertThat(vouched.status()).as(vouched.toString()).isEqualTo(201);
    }

    @Test
    void shouldNameTheVoucherInTheThreadUntilTheyVouch() {
        Scene s = scene();
        String before = rest().get("applicant", "/api/requests/" + s.id() + "/thread").body();
        assertThat(before).contains("- named as voucher: " + s.veteran().name() + " <" + s.veteran().email() + ">, for "
                + s.ann().email() + " (no vouch yet)").doesNotContain("> vouches for");

        assertThat(vouch(s).status()).isEqualTo(201);

        String after = rest().get("applicant", "/api/requests/" + s.id() + "/thread").body();
        assertThat(after).contains("- " + s.veteran().name() + " <" + s.veteran().email() + "> vouches for "
                + s.ann().email() + " (a list admin has yet to confirm the voucher's evidence)")
                .doesNotContain("named as voucher");
    }

    @Test
    void shouldNotReopenBeforeTheDeadline() {
        Scene s = scene();

        Api.Response refused = reopen("admin", s.id(), Instant.now().plus(Duration.ofDays(60)).toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(criterion9(s.id()).path("outcome").asText()).isEqualTo("PENDING");
    }

    @Test
    void shouldNotReopenADecidedRequest() {
        Scene s = scene();
        pastTheDeadline(s);
        assertThat(rest().post("reviewer1", "/api/requests/" + s.id() + "/votes", Api.vote("OBJECT", "No vouch."))
                .status()).isEqualTo(201);
        Api.Response decided = rest().post("admin", "/api/requests/" + s.id() + "/decision",
                Map.of("outcome", "REJECTED", "reason", "Nobody vouched."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        Api.Response refused = reopen("admin", s.id(), Instant.now().plus(Duration.ofDays(14)).toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(criterion9(s.id()).path("outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void shouldNameTheDeadlineWhenItIsMissingMalformedOrPast() {
        Scene s = scene();
        pastTheDeadline(s);

        for (Object body : new Object[] {Map.of(), Map.of("deadline", "next Tuesday"),
                Map.of("deadline", Instant.now().minus(Duration.ofHours(1)).toString())}) {
            Api.Response refused = rest().post("admin", "/api/requests/" + s.id() + "/vouching/reopen", body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("deadline");
        }
        assertThat(criterion9(s.id()).path("outcome").asText()).isEqualTo("FAIL");
    }

    /** A request naming a long-time oss-security participant to vouch for Ann; its vouching process waits. */
    private Scene scene() {
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Person ann = person("Ann Example", "ann", "example.org");
        Api.Response filed = rest().post("applicant", "/api/requests", filing(List.of(ann), List.of(voucher(veteran, ann))));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ProcessInstance pi = vouchingOf(id);
            return pi != null && management.createJobQuery().processInstanceId(pi.getId()).executable().count() == 0;
        });
        return new Scene(id, veteran, ann, vouchingOf(id));
    }

    private ProcessInstance vouchingOf(String id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("vouching").processInstanceBusinessKey(id)
                .singleResult();
    }

    /** The deadline timer fires now: vouching closes with nobody vouched for. */
    private void pastTheDeadline(Scene s) {
        Job deadline = management.createJobQuery().processInstanceId(s.vouching().getId()).activityId("Event_Deadline")
                .timers().singleResult();
        assertThat(deadline).as("deadline timer").isNotNull();
        management.executeJob(deadline.getId());
    }

    private Api.Response reopen(String user, String id, String deadline) {
        return rest().post(user, "/api/requests/" + id + "/vouching/reopen", Map.of("deadline", deadline));
    }

    private Api.Response vouch(Scene s) {
        String statement = rest().get(null, "/api/requests/" + s.id() + "/vouches/statement?voucher=" + s.veteran().email()
                + "&for=" + s.ann().email()).body();
        try {
            return rest().post(null, "/api/requests/" + s.id() + "/vouches",
                    JSON.writeValueAsString(veteranVouch(s.veteran(), "Independent", s.ann().email(), statement)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode criterion9(String id) {
        JsonNode request = rest().get("admin", "/api/requests/" + id).json();
        for (JsonNode c : request.path("criteria")) {
            if (c.path("number").asInt() == 9) {
                return c.path("check");
            }
        }
        throw new AssertionError("no criterion 9 in " + request);
    }

    private Api rest() {
        return new Api(rest);
    }
}
