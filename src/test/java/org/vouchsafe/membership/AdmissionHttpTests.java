package org.vouchsafe.membership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Proofs;
import org.vouchsafe.support.Tasklist;
import org.vouchsafe.vouching.TestVouchers;
import org.vouchsafe.vouching.TestVouchers.Person;
import org.vouchsafe.vouching.VouchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Nobody is subscribed who has not proved it": an approval that would subscribe nobody is refused
 * with what each person lacks, through the API and in Tasklist; the admin's exception for one
 * person and one criterion is recorded and shown in the decision, the dossier, the audit log and
 * the roster.
 */
@VouchsafeTest
class AdmissionHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired MemberRepository members;
    @Autowired VouchService vouches;
    @Autowired AuditLog audit;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @LocalServerPort int port;

    @Test
    void shouldRefuseAnApprovalThatWouldSubscribeNobodyWithWhatEachPersonLacks() {
        // given Ann signed the policy but did not answer her challenge and nobody vouched; Bob did nothing
        Api api = new Api(rest);
        Person ann = TestVouchers.person("Ann Example", "ann", "example.org");
        Person bob = TestVouchers.person("Bob Example", "bob", "example.org");
        String id = awaitingDecision(api, ann, bob);
        signOnly(api, id, ann);

        // when the admin approves
        Api.Response refused = api.post("admin", "/api/requests/" + id + "/decision",
                Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));

        // then 409, listing per person what is missing, and the request still waits for the decision
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.entity().getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode people = refused.json().path("people");
        assertThat(people).hasSize(2);
        assertThat(people.get(0).path("email").asText()).isEqualTo(ann.email());
        assertThat(people.get(0).path("missing").toString()).isEqualTo("[8,9]");
        assertThat(people.get(1).path("email").asText()).isEqualTo(bob.email());
        assertThat(people.get(1).path("missing").toString()).isEqualTo("[6,8,9]");
        assertThat(refused.json().path("detail").asText()).contains("Approving would subscribe nobody", bob.email());
        assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.DECISION_RECORDED);
        // and the dossier shows the admin the same table before the choice
        assertThat(api.get("admin", "/requests/" + id).body()).contains("Who an approval subscribes",
                "not subscribed on approval: missing criterion 8 (has not answered the challenge encrypted to their key)");
    }

    @Test
    void shouldSubscribeByARecordedExceptionAndShowItEverywhere() {
        // given Ann is vouched for and signed the policy, but never answered her challenge
        Api api = new Api(rest);
        Person ann = TestVouchers.person("Ann Example", "ann", "example.org");
        String id = awaitingDecision(api, ann);
        signOnly(api, id, ann);
        TestVouchers.vouchedByNewMember(members, vouches, id, ann.email());
        String reason = "Her mail provider mangled the challenge; she read the list key's test mail in person.";

        // when the admin approves with an exception for criterion 8
        Map<String, Object> approval = new LinkedHashMap<>(Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));
        approval.put("exceptions", Proofs.exceptions(ann.email(), reason, 8));
        Api.Response decided = api.post("admin", "/api/requests/" + id + "/decision", approval);

        // then she is subscribed, and the exception is in the decision ...
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("notSubscribed")).isEmpty();
        assertException(decided.json().path("exceptions"), ann.email(), reason);
        JsonNode decision = api.get("applicant", "/api/requests/" + id).json().path("decision");
        assertException(decision.path("exceptions"), ann.email(), reason);
        // ... the dossier ...
        assertThat(api.get("admin", "/requests/" + id).body()).contains("Subscribed by exception", ann.email(),
                "criterion 8 not proved", "Her mail provider mangled the challenge");
        // ... the audit log ...
        assertThat(audit.eventsOf(id)).filteredOn(e -> e.action() == AuditAction.ADMISSION_EXCEPTION).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.details()).containsEntry("email", ann.email()).containsEntry("criterion", "8")
                            .containsEntry("reason", reason);
                });
        // ... and the roster
        JsonNode entry = member(api, ann.email());
        assertThat(entry.path("exceptions")).hasSize(1);
        assertThat(entry.path("exceptions").get(0).path("criterion").asInt()).isEqualTo(8);
        assertThat(entry.path("exceptions").get(0).path("reason").asText()).isEqualTo(reason);
    }

    @Test
    void shouldRefuseExceptionsWithoutARequesterAPersonalCriterionOrAReason() {
        Api api = new Api(rest);
        Person ann = TestVouchers.person("Ann Example", "ann", "example.org");
        String id = awaitingDecision(api, ann);
        List<Map<String, Object>> exceptions = new ArrayList<>();
        exceptions.addAll(Proofs.exceptions("stranger@example.net", "Known to me.", 6));
        exceptions.addAll(Proofs.exceptions(ann.email(), "Known to me.", 3));
        exceptions.addAll(Proofs.exceptions(ann.email(), " ", 9));
        Map<String, Object> approval = new LinkedHashMap<>(Map.of("outcome", "APPROVED"));
        approval.put("exceptions", exceptions);

        Api.Response refused = api.post("admin", "/api/requests/" + id + "/decision", approval);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("exceptions[0].email", "exceptions[1].criterion",
                "exceptions[2].reason");
        assertThat(refused.body()).contains("is not a requester of this request", "must be 6, 8 or 9");
        // and exceptions come only with an approval
        Map<String, Object> rejection = new LinkedHashMap<>(Map.of("outcome", "REJECTED", "reason", "No."));
        rejection.put("exceptions", Proofs.exceptions(ann.email(), "Known to me.", 9));
        Api.Response withRejection = api.post("admin", "/api/requests/" + id + "/decision", rejection);
        assertThat(withRejection.status()).as(withRejection.toString()).isEqualTo(400);
        assertThat(withRejection.errorFields()).containsExactly("exceptions");
        assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION");
    }

    @Test
    void shouldRefuseATasklistApprovalWhenNobodyQualifiesAndShowTheTableInTheForm() {
        // given a request at the admin's decision whose one requester proved nothing
        Api api = new Api(rest);
        Person ann = TestVouchers.person("Ann Example", "ann", "example.org");
        String id = awaitingDecision(api, ann);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_AdminDecision")
                .singleResult();
        assertThat(task).isNotNull();
        // the form's read-only table says so before the choice
        assertThat((String) tasks.getVariable(task.getId(), "admissionSummary"))
                .contains("Ann Example <" + ann.email() + ">: NOT subscribed, missing criterion 6", "an approval is refused");

        // when the admin approves in Tasklist
        Tasklist.Response response = Tasklist.signIn(port, "admin").submitForm(task.getId(),
                new LinkedHashMap<>(Map.of("decisionOutcome", "APPROVED", "decisionReason", "Fine.")));

        // then Tasklist shows the same refusal and nothing changed
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Approving would subscribe nobody", ann.email(), "criterion 6 (");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.DECISION_RECORDED);
    }

    /** Files a request for these people and takes it through three approvals and the objection window. */
    private static String awaitingDecision(Api api, Person... people) {
        Api.Response filed = api.post("applicant", "/api/requests", filing(List.of(people)));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            Api.Response vote = api.post(reviewer, "/api/requests/" + id + "/votes", Api.vote("APPROVE", null));
            assertThat(vote.status()).as(vote.toString()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION"));
        return id;
    }

    /** The valid filing with these people as requesters, each with their own key. */
    private static Map<String, Object> filing(List<Person> people) {
        Map<String, Object> filing = org.vouchsafe.support.Filings.valid();
        List<Map<String, Object>> requesters = new ArrayList<>();
        for (Person p : people) {
            requesters.add(new LinkedHashMap<>(Map.of("name", p.name(), "email", p.email(), "affiliation", "Example Foundation",
                    "publicKey", p.publicKey())));
        }
        filing.put("requesters", requesters);
        filing.put("vouchers", new ArrayList<>());
        return filing;
    }

    /** The person signs the policy statement (criterion 6) and nothing more. */
    private static void signOnly(Api api, String id, Person person) {
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester="
                + person.fingerprint()).body();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response signed = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                    Map.of("fingerprint", person.fingerprint(), "signature", person.sign(statement)));
            assertThat(signed.status()).as(signed.toString()).isIn(201, 409);
            return signed.status() == 201;
        });
    }

    private static void assertException(JsonNode exceptions, String email, String reason) {
        assertThat(exceptions).hasSize(1);
        assertThat(exceptions.get(0).path("email").asText()).isEqualTo(email);
        assertThat(exceptions.get(0).path("criterion").asInt()).isEqualTo(8);
        assertThat(exceptions.get(0).path("reason").asText()).isEqualTo(reason);
    }

    private static JsonNode member(Api api, String email) {
        for (JsonNode m : api.get("admin", "/api/members").json()) {
            if (m.path("email").asText().equals(email)) {
                return m;
            }
        }
        throw new AssertionError("no roster entry for " + email);
    }
}
