package org.vouchsafe.pgp;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Pgp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Criterion 6 over HTTP: the requester signs the served statement with their key, the applicant
 * submits the signature, and the criterion passes; a signature over anything else is refused
 * with the reason named. Also the list key, served to anyone signed in.
 */
@VouchsafeTest
class PolicySignatureHttpTests {

    static final String ANN = "AED577C62FD06429372B954DDAF6ED6C7C8D0D21";

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldPassCriterion6WhenTheRequesterSignsTheStatement() {
        String id = file();
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PENDING");
        assertThat(criterion6(id).path("reasons").get(0).asText()).contains("Ann Example <ann@example.org>");
        Api.Response statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN);
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        assertThat(statement.body()).contains("Request: " + id, "Key fingerprint: " + ANN, "Policy version: 2017-06-28");

        Api.Response signed = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", statement.body())));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json().path("policyVersion").asText()).isEqualTo("2017-06-28");
        assertThat(signed.json().path("check").path("outcome").asText()).isEqualTo("PASS");
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PASS");
        assertThat(api.get("admin", "/api/audit?request=" + id).body()).contains("POLICY_SIGNED");
    }

    @Test
    void shouldRefuseASignatureOverAnotherTextNamingTheReason() {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();

        Api.Response refused = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", statement.replace("accept", "reject"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("signature");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).startsWith("TEXT_ALTERED");
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseASignatureByAnotherKey() {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();

        Api.Response refused = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("bob", statement)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asText()).startsWith("WRONG_KEY");
    }

    @Test
    void shouldServeTheListKeyToAnyoneSignedIn() {
        Api.Response key = api.get("reviewer3", "/api/catalogue/list-key");

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        assertThat(api.get(null, "/api/catalogue/list-key").status()).isEqualTo(401);
    }

    private String file() {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private JsonNode criterion6(String id) {
        return api.get("applicant", "/api/requests/" + id).json().path("criteria").get(5).path("check");
    }
}
