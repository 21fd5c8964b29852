package org.vouchsafe;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.TestKeys;
import org.vouchsafe.vouching.TestVouchers;
import org.vouchsafe.vouching.VouchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole journey over HTTP, as people would live it: an applicant files, three reviewers
 * approve, the objection window passes, the admin approves, and the requester is on the roster.
 */
@VouchsafeTest
class MembershipLifecycleHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MemberRepository members;

    @Autowired
    VouchService vouches;

    @Test
    void shouldTakeARequestFromFilingToTheRoster() {
        Api api = new Api(rest);
        Map<String, Object> filing = Filings.valid();
        // the roster is unique by e-mail: a fresh person with a fresh key whose user id carries the address
        String email = "ann+" + System.nanoTime() + "@example.org";
        Map<String, Object> requester = ((java.util.List<Map<String, Object>>) filing.get("requesters")).get(0);
        requester.put("email", email);
        org.bouncycastle.openpgp.api.OpenPGPKey key = TestKeys.generate("Ann Example", email);
        requester.put("publicKey", TestKeys.publicKey(key));
        ((java.util.List<Map<String, Object>>) filing.get("vouchers")).get(0).put("vouchesFor", email);

        // the applicant files
        Api.Response filed = api.post("applicant", "/api/requests", filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/requests/" + id);

        // the checks ran and the request is with the reviewers
        JsonNode request = api.get("applicant", "/api/requests/" + id).json();
        assertThat(request.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(request.path("criteria")).hasSize(9);
        // criterion 1 is for people to judge: the machine gathers facts and never passes it
        assertThat(request.path("criteria").get(0).path("check").path("outcome").asText()).isEqualTo("MANUAL");

        // the requester proves criteria 6, 8 and 9 for themselves (nobody else is subscribed): signs the policy,
        // answers the encrypted challenge, and a list member vouches for them
        org.vouchsafe.support.Proofs.signAndAnswer(api, id, key);
        TestVouchers.vouchedByNewMember(members, vouches, id, email);

        // three reviewers approve through the API
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            Api.Response vote = api.post(reviewer, "/api/requests/" + id + "/votes", Api.vote("APPROVE", "Looks good."));
            assertThat(vote.status()).as(vote.toString()).isEqualTo(201);
        }
        assertThat(api.get("reviewer4", "/api/requests/" + id).json().path("status").asText())
                .isIn("OBJECTION_WINDOW", "AWAITING_DECISION");

        // the (one-second, in tests) objection window passes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("admin", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_DECISION"));

        // the admin approves
        Api.Response decided = api.post("admin", "/api/requests/" + id + "/decision",
                Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        JsonNode approved = api.get("applicant", "/api/requests/" + id).json();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("decision").path("outcome").asText()).isEqualTo("APPROVED");

        // the requester is on the roster with the distro and its role
        JsonNode members = api.get("admin", "/api/members").json();
        JsonNode ann = null;
        for (JsonNode m : members) {
            if (m.path("email").asText().equals(email)) {
                ann = m;
            }
        }
        assertThat(ann).as("roster entry for " + email).isNotNull();
        assertThat(ann.path("fingerprint").asText()).matches("[0-9A-F]{40}");
        assertThat(ann.path("distro").asText()).isEqualTo(Filings.distro(filing).get("name"));
        assertThat(ann.path("roles").toString()).contains("A1");
        assertThat(ann.path("exceptions")).as("proved it all: no exception").isEmpty();

        // the admin was told the window closed and the requester got the decision (each mail in its own job)
        String distro = (String) Filings.distro(filing).get("name");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(subjectsTo("admin@vouchsafe.example")).contains("Objection window closed: " + distro);
            assertThat(subjectsTo(email)).contains("Membership request for " + distro + " filed",
                    "Decision on the membership request for " + distro + ": APPROVED");
        });
    }

    private java.util.List<String> subjectsTo(String recipient) {
        return jdbc.queryForList("select subject from sent_mail where recipient = ? and status = 'SENT'", String.class,
                recipient);
    }
}
