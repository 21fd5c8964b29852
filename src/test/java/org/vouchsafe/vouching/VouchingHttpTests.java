package org.vouchsafe.vouching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.Api;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.vouching.TestVouchers.memberVouch;
import static org.vouchsafe.vouching.TestVouchers.onRoster;
import static org.vouchsafe.vouching.TestVouchers.person;
import static org.vouchsafe.vouching.TestVouchers.teammateVouch;
import static org.vouchsafe.vouching.TestVouchers.veteranVouch;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;
import static org.vouchsafe.vouching.VouchingTestSupport.voucher;

/**
 * Vouching over HTTP as vouchers, applicants, reviewers and admins live it. Vouchers have no
 * account: the statement and the vouch go anonymously, which needs SecurityConfig to permit
 * {@code GET /api/requests/* /vouches/statement} and {@code POST /api/requests/* /vouches}
 * (without those two matchers these tests get 401 instead of the answers they expect).
 */
@VouchsafeTest
class VouchingHttpTests {

    private static final String ANONYMOUS = null;
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired TestRestTemplate rest;
    @Autowired MemberRepository members;
    @Autowired AuditLog audit;

    private Api api() {
        return new Api(rest);
    }

    /** A filed request with requesters Ann, Bob (example.org) and a member named to vouch for Ann. */
    private record Scene(String id, Person member, Person ann, Person bob) {
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService engineRuntime;

    @Autowired
    org.camunda.bpm.engine.ManagementService engineManagement;

    private Scene scene() {
        Person member = person("Mo Member", "mo", "member.example");
        onRoster(members, member);
        Person ann = person("Ann Example", "ann", "example.org");
        Person bob = person("Bob Example", "bob", "example.org");
        Api.Response filed = api().post("applicant", "/api/requests", filing(List.of(ann, bob), List.of(voucher(member, ann))));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        // the vouching process starts asynchronously beside the review; let its first step settle
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            var instance = engineRuntime.createProcessInstanceQuery().processDefinitionKey("vouching")
                    .processInstanceBusinessKey(id).singleResult();
            return instance != null && engineManagement.createJobQuery().processInstanceId(instance.getId())
                    .executable().count() == 0;
        });
        return new Scene(id, member, ann, bob);
    }

    private String statement(String id, String voucher, String forWhom) {
        Api.Response r = api().get(ANONYMOUS, "/api/requests/" + id + "/vouches/statement?voucher=" + voucher + "&for=" + forWhom);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** The vouch as a voucher's tool sends it: JSON with ISO dates. */
    private Api.Response post(String id, VouchInput vouch) {
        try {
            return api().post(ANONYMOUS, "/api/requests/" + id + "/vouches", JSON.writeValueAsString(vouch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Api.Response response, int status, VouchRefusal reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("reason").asText()).isEqualTo(reason.name());
        assertThat(response.json().path("errors")).isNotEmpty();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void shouldTakeASignedVouchWithoutAnAccountAndShowTheChain() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        assertThat(text).contains("Request: " + s.id(), "Voucher: " + s.member().email(), "Vouches for: Ann Example <"
                + s.ann().email() + ">");

        Api.Response vouched = post(s.id(), memberVouch(s.member(), s.ann().email(), text));

        assertThat(vouched.status()).as(vouched.toString()).isEqualTo(201);
        assertThat(vouched.json().path("branch").asText()).isEqualTo("MEMBER");
        assertThat(vouched.json().path("status").asText()).isEqualTo("COUNTING");
        assertThat(vouched.json().path("depth").asInt()).isEqualTo(1);
        assertThat(audit.eventsOf(s.id())).extracting(AuditEvent::action).contains(AuditAction.VOUCH_RECORDED);

        // the applicant and reviewers see the chain grow, and criterion 9 passes
        JsonNode chain = api().get("applicant", "/api/requests/" + s.id() + "/vouches").json();
        assertThat(chain.path("vouches").get(0).path("voucher").path("email").asText()).isEqualTo(s.member().email());
        assertThat(chain.path("vouches").get(0).path("strength").asText()).isEqualTo("WORKED_CLOSELY");
        assertThat(chain.path("requesters").get(0).path("vouched").asBoolean()).isTrue();
        assertThat(chain.path("requesters").get(1).path("vouched").asBoolean()).isFalse();
        JsonNode request = api().get("reviewer1", "/api/requests/" + s.id()).json();
        assertThat(request.path("criteria").get(8).path("check").path("outcome").asText()).isEqualTo("PASS");
        Api.Response svg = api().exchange("reviewer1", HttpMethod.GET, "/api/requests/" + s.id() + "/vouches.svg", null,
                MediaType.ALL);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "Mo Member", "WORKED_CLOSELY", "Not vouched yet");
        // nobody without an account reads the chain
        assertThat(api().get(ANONYMOUS, "/api/requests/" + s.id() + "/vouches").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseASelfVouch() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());

        assertRefused(post(s.id(), teammateVouch(s.ann(), s.ann().email(), text)), 400, VouchRefusal.SELF_VOUCH);
    }

    @Test
    void shouldRefuseAVouchForSomeoneNotOnTheRequest() {
        Scene s = scene();
        Person stranger = person("Sam Stranger", "sam", "example.net");
        String text = statement(s.id(), s.member().email(), s.ann().email());

        assertRefused(post(s.id(), memberVouch(s.member(), stranger.email(), text)), 400, VouchRefusal.NOT_A_REQUESTER);
    }

    @Test
    void shouldRefuseASecondVouchBySameVoucherForSamePerson() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        assertThat(post(s.id(), memberVouch(s.member(), s.ann().email(), text)).status()).isEqualTo(201);

        assertRefused(post(s.id(), memberVouch(s.member(), s.ann().email(), text)), 409, VouchRefusal.DUPLICATE_VOUCH);
    }

    @Test
    void shouldRefuseASignatureByAKeyOtherThanTheVouchers() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        VouchInput honest = memberVouch(s.member(), s.ann().email(), text);
        VouchInput forged = new VouchInput(honest.voucher(), honest.requester(), honest.strength(), text,
                s.bob().sign(text), honest.comment());

        assertRefused(post(s.id(), forged), 400, VouchRefusal.WRONG_KEY);
    }

    @Test
    void shouldRefuseAnAlteredStatement() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        String altered = text.replace("Vouches for: Ann Example", "Vouches for: Ann Exampel");
        VouchInput signedAltered = memberVouch(s.member(), s.ann().email(), altered);
        VouchInput signedOtherText = new VouchInput(signedAltered.voucher(), s.ann().email(), "KNOWS_WORK", text,
                s.member().sign(altered), null);

        assertRefused(post(s.id(), signedAltered), 400, VouchRefusal.STATEMENT_ALTERED);
        assertRefused(post(s.id(), signedOtherText), 400, VouchRefusal.STATEMENT_ALTERED);
    }

    @Test
    void shouldRefuseANonMemberAffiliatedWithTheApplicant() {
        Person colleague = person("Col League", "col", "example.org");
        Person ann = person("Ann Example", "ann", "example.org");
        Api.Response filed = api().post("applicant", "/api/requests", filing(List.of(ann), List.of(voucher(colleague, ann))));
        String id = filed.json().path("id").asText();
        String text = statement(id, colleague.email(), ann.email());

        Api.Response refused = post(id, veteranVouch(colleague, "Independent", ann.email(), text));

        assertRefused(refused, 403, VouchRefusal.AFFILIATED);
        assertThat(refused.json().path("detail").asText()).contains("example.org");
    }

    @Test
    void shouldRefuseAChainThroughAnUnvouchedTeammate() {
        Scene s = scene();
        String text = statement(s.id(), s.ann().email(), s.bob().email());

        assertRefused(post(s.id(), teammateVouch(s.ann(), s.bob().email(), text)), 403, VouchRefusal.UNVOUCHED_TEAMMATE);
    }

    @Test
    void shouldLetOnlyAListAdminAddOrReplaceAVoucherAndAuditIt() {
        Scene s = scene();
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", veteran.name());
        change.put("email", veteran.email());
        change.put("vouchesFor", s.ann().email());
        change.put("replaces", s.member().email());
        change.put("reason", "The member is travelling for a month.");

        assertThat(api().post("applicant", "/api/requests/" + s.id() + "/vouchers", change).status()).isEqualTo(403);
        Api.Response replaced = api().post("admin", "/api/requests/" + s.id() + "/vouchers", change);

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(api().get("admin", "/api/requests/" + s.id() + "/thread").body())
                .contains(veteran.email()).doesNotContain(s.member().email());
        assertThat(audit.eventsOf(s.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ADMIN_OVERRIDE);
            assertThat(e.summary()).contains("Replaced voucher " + s.member().email());
        });
    }
}
