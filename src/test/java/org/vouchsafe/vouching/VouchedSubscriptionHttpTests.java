package org.vouchsafe.vouching;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.membership.MemberAdmitted;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.EventTrail;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Proofs;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;

/**
 * An approval subscribes only the requesters who proved criteria 6, 8 and 9 themselves and names
 * the others in the decision, each with what they lack.
 */
@VouchsafeTest
class VouchedSubscriptionHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired MemberRepository members;
    @Autowired VouchService vouches;
    @Autowired EventTrail events;

    @Test
    void shouldSubscribeOnlyTheRequestersWhoProvedItOnApproval() {
        Api api = new Api(rest);
        Person ann = TestVouchers.person("Ann Example", "ann", "example.org");
        Person bob = TestVouchers.person("Bob Example", "bob", "example.org");
        Person cat = TestVouchers.person("Cat Example", "cat", "example.org");
        Api.Response filed = api.post("applicant", "/api/requests", filing(List.of(ann, bob, cat), List.of()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();

        // Ann signs the policy, answers her challenge and is vouched for by a member; Bob is vouched for
        // but proves nothing with his key; Cat signs and answers but nobody vouches for her
        Proofs.signAndAnswer(api, id, ann.key());
        TestVouchers.vouchedByNewMember(members, vouches, id, ann.email());
        TestVouchers.vouchedByNewMember(members, vouches, id, bob.email());
        Proofs.signAndAnswer(api, id, cat.key());

        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            assertThat(api.post(reviewer, "/api/requests/" + id + "/votes", Api.vote("APPROVE", null)).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION"));
        Api.Response decided = api.post("admin", "/api/requests/" + id + "/decision",
                Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        JsonNode decision = api.get("applicant", "/api/requests/" + id).json().path("decision");
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("notSubscribed")).hasSize(2);
        assertThat(decision.path("notSubscribed").get(0).asText()).startsWith("Bob Example <" + bob.email() + ">: not proved:")
                .contains("criterion 6 (", "8 (has not answered").doesNotContain("9 (");
        assertThat(decision.path("notSubscribed").get(1).asText()).startsWith("Cat Example <" + cat.email() + ">: not proved:")
                .contains("9 (is not vouched for").doesNotContain("6 (", "8 (");
        assertThat(decided.json().path("notSubscribed")).isEqualTo(decision.path("notSubscribed"));
        String roster = api.get("admin", "/api/members").body();
        assertThat(roster).contains(ann.email()).doesNotContain(bob.email()).doesNotContain(cat.email());
        // and Ann's admission was published for the features that give members something
        assertThat(events.of(id, MemberAdmitted.class)).extracting(MemberAdmitted::email).containsExactly(ann.email());
        // the dossier's decision says who was not subscribed and why
        assertThat(api.get("admin", "/requests/" + id).body()).contains("Not subscribed", bob.email(), cat.email(),
                "is not vouched for through an eligible chain");
    }
}
