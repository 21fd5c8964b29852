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

    /**
     * A vouch whose signature verified but which is refused: the voucher without an account gets the
     * one answer that tells nothing of the request, and the applicant sees the reason in their view
     * of the audit trail (list admins see it too).
     */
    private void assertNotAcceptedAndApplicantSees(String id, Api.Response response, VouchRefusal reason,
                                                   String... inSummary) {
        assertRefused(response, 403, VouchRefusal.NOT_ACCEPTED);
        assertThat(response.json().path("detail").asText()).doesNotContain("named", "not a requester", "affiliated");
        JsonNode seenByApplicant = api().get("applicant", "/api/audit?request=" + id).json();
        assertThat(seenByApplicant).as(seenByApplicant.toString()).anySatisfy(event -> {
            assertThat(event.path("action").asText()).isEqualTo(AuditAction.VOUCH_REFUSED.name());
            assertThat(event.path("details").path("reason").asText()).isEqualTo(reason.name());
            assertThat(event.path("summary").asText()).contains(inSummary);
        });
    }

    private static VouchInput signedWith(VouchInput vouch, String signature) {
        return new VouchInput(vouch.voucher(), vouch.requester(), vouch.strength(), vouch.statement(), signature,
                vouch.comment());
    }

    private static VouchInput from(VouchInput vouch, String email, String publicKey) {
        VouchInput.Voucher v = vouch.voucher();
        return new VouchInput(new VouchInput.Voucher(v.name(), email, v.affiliation(), publicKey, v.firstActivity(),
                v.evidence()), vouch.requester(), vouch.strength(), vouch.statement(), vouch.signature(), vouch.comment());
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
    void shouldRefuseASecondVouchBySameVoucherForSamePerson() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        assertThat(post(s.id(), memberVouch(s.member(), s.ann().email(), text)).status()).isEqualTo(201);

        assertNotAcceptedAndApplicantSees(s.id(), post(s.id(), memberVouch(s.member(), s.ann().email(), text)),
                VouchRefusal.DUPLICATE_VOUCH, s.member().email() + " has already vouched for " + s.ann().email());
    }

    @Test
    void shouldRefuseASignatureByAKeyOtherThanTheVouchers() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        VouchInput honest = memberVouch(s.member(), s.ann().email(), text);
        VouchInput forged = signedWith(honest, s.bob().sign(text));

        Api.Response refused = post(s.id(), forged);

        assertRefused(refused, 400, VouchRefusal.SIGNATURE_NOT_VERIFIED);
        // the key was sent, so the answer may say what is wrong with the signature: it depends on the body alone
        assertThat(refused.json().path("detail").asText()).contains("does not verify against the key you sent",
                "The signature was made by", "not by your key " + s.member().fingerprint());
    }

    @Test
    void shouldRefuseAnAlteredStatement() {
        Scene s = scene();
        String text = statement(s.id(), s.member().email(), s.ann().email());
        String altered = text.replace("Vouches for: Ann Example", "Vouches for: Ann Exampel");
        VouchInput signedAltered = memberVouch(s.member(), s.ann().email(), altered);
        VouchInput signedOtherText = new VouchInput(signedAltered.voucher(), s.ann().email(), "KNOWS_WORK", text,
                s.member().sign(altered), null);

        // a good signature over another text than the served one: refused like any other ineligible vouch
        assertNotAcceptedAndApplicantSees(s.id(), post(s.id(), signedAltered), VouchRefusal.STATEMENT_ALTERED,
                "The statement differs from the one served");
        // a signature over another text than the one sent does not verify at all
        assertRefused(post(s.id(), signedOtherText), 400, VouchRefusal.SIGNATURE_NOT_VERIFIED);
    }

    @Test
    void shouldAnswerASignatureThatDoesNotVerifyAlikeForANamedVoucherAndAnUnknownAddress() {
        // the scene's member is named to vouch for Ann, on the roster by fingerprint only
        Scene s = scene();
        Person stranger = person("Sam Stranger", "sam", "example.net");
        String text = statement(s.id(), s.member().email(), s.ann().email());
        String junk = "-----BEGIN PGP SIGNATURE-----\n\nbm90IGEgc2lnbmF0dXJl\n-----END PGP SIGNATURE-----\n";
        VouchInput named = signedWith(veteranVouch(s.member(), "Independent", s.ann().email(), text), junk);

        // with a key sent (the same one), and without any key
        Api.Response namedWithKey = post(s.id(), from(named, s.member().email(), stranger.publicKey()));
        Api.Response unknownWithKey = post(s.id(), from(named, stranger.email(), stranger.publicKey()));
        Api.Response namedWithoutKey = post(s.id(), from(named, s.member().email(), null));
        Api.Response unknownWithoutKey = post(s.id(), from(named, stranger.email(), null));

        assertRefused(namedWithKey, 400, VouchRefusal.SIGNATURE_NOT_VERIFIED);
        assertThat(unknownWithKey.status()).isEqualTo(namedWithKey.status());
        assertThat(unknownWithKey.json()).isEqualTo(namedWithKey.json());
        assertRefused(namedWithoutKey, 400, VouchRefusal.SIGNATURE_NOT_VERIFIED);
        assertThat(unknownWithoutKey.status()).isEqualTo(namedWithoutKey.status());
        assertThat(unknownWithoutKey.json()).isEqualTo(namedWithoutKey.json());
        // nothing was recorded: a signature that does not verify authenticates nobody
        assertThat(audit.eventsOf(s.id())).extracting(AuditEvent::action).doesNotContain(AuditAction.VOUCH_REFUSED);
    }

    @Test
    void shouldGiveOneAnswerToEveryRefusalAfterAGoodSignatureAndTellTheApplicantWhy() {
        Scene s = scene();
        Person stranger = person("Sam Stranger", "sam", "example.net");
        // the statement is served for any address: refusing it to unnamed vouchers would tell who is named
        String text = statement(s.id(), stranger.email(), s.ann().email());
        String unknownRequest = java.util.UUID.randomUUID().toString();

        // signed by the stranger's own key every time: not named, not a requester, no such request
        Api.Response notNamed = post(s.id(), veteranVouch(stranger, "Independent", s.ann().email(), text));
        Api.Response notARequester = post(s.id(), veteranVouch(stranger, "Independent", "nobody@example.com", text));
        Api.Response noSuchRequest = post(unknownRequest, veteranVouch(stranger, "Independent", s.ann().email(), text));

        assertNotAcceptedAndApplicantSees(s.id(), notNamed, VouchRefusal.NOT_NAMED,
                stranger.email() + " is neither on the roster nor named as a voucher");
        assertNotAcceptedAndApplicantSees(s.id(), notARequester, VouchRefusal.NOT_A_REQUESTER,
                "nobody@example.com is not a requester");
        assertThat(notARequester.json()).isEqualTo(notNamed.json());
        assertRefused(noSuchRequest, 403, VouchRefusal.NOT_ACCEPTED);
        for (String field : List.of("type", "title", "status", "detail", "reason", "errors")) {
            assertThat(noSuchRequest.json().path(field)).as(field).isEqualTo(notNamed.json().path(field));
        }
    }

    @Test
    void shouldAnswerAStatementForSomeoneNotOnTheRequestLikeOneForAnUnknownRequest() {
        Scene s = scene();
        Person stranger = person("Sam Stranger", "sam", "example.net");
        String unknownRequest = java.util.UUID.randomUUID().toString();

        Api.Response wrongFor = api().get(ANONYMOUS, "/api/requests/" + s.id() + "/vouches/statement?voucher="
                + s.member().email() + "&for=" + stranger.email());
        Api.Response selfFor = api().get(ANONYMOUS, "/api/requests/" + s.id() + "/vouches/statement?voucher="
                + stranger.email() + "&for=" + stranger.email());
        Api.Response noSuchRequest = api().get(ANONYMOUS, "/api/requests/" + unknownRequest
                + "/vouches/statement?voucher=" + s.member().email() + "&for=" + s.ann().email());

        assertThat(wrongFor.status()).as(wrongFor.toString()).isEqualTo(404);
        assertThat(wrongFor.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noSuchRequest.status()).isEqualTo(404);
        for (String field : List.of("type", "title", "status", "detail", "errors")) {
            assertThat(wrongFor.json().path(field)).as(field).isEqualTo(noSuchRequest.json().path(field));
        }
        assertThat(wrongFor.body()).doesNotContain(stranger.email(), "requester");
        // a self-vouch is a mistake the addresses alone show, whoever is on the request
        assertThat(selfFor.status()).isEqualTo(400);
        // the statement itself is served to the named voucher, and to anyone else who gives a requester
        assertThat(statement(s.id(), s.member().email(), s.ann().email())).contains("Vouches for: Ann Example");
        assertThat(statement(s.id(), stranger.email(), s.ann().email())).contains("Voucher: " + stranger.email());
    }

    @Test
    void shouldRefuseANonMemberAffiliatedWithTheApplicant() {
        Person colleague = person("Col League", "col", "example.org");
        Person ann = person("Ann Example", "ann", "example.org");
        Api.Response filed = api().post("applicant", "/api/requests", filing(List.of(ann), List.of(voucher(colleague, ann))));
        String id = filed.json().path("id").asText();
        String text = statement(id, colleague.email(), ann.email());

        Api.Response refused = post(id, veteranVouch(colleague, "Independent", ann.email(), text));

        assertNotAcceptedAndApplicantSees(id, refused, VouchRefusal.AFFILIATED, "must not be affiliated", "example.org");
        assertThat(refused.body()).doesNotContain("example.org");
    }

    @Test
    void shouldRefuseAChainThroughAnUnvouchedTeammate() {
        Scene s = scene();
        String text = statement(s.id(), s.ann().email(), s.bob().email());

        assertNotAcceptedAndApplicantSees(s.id(), post(s.id(), teammateVouch(s.ann(), s.bob().email(), text)),
                VouchRefusal.UNVOUCHED_TEAMMATE, s.ann().email() + " is a requester who is not yet vouched for");
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
