package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * The key policy as an applicant meets it: an RSA-1024 key is refused at filing with the field
 * and the fix named; an RSA-2048 key is accepted, and criterion 8 carries a concern recommending
 * 3072 bits or more, before and after the challenge is answered.
 */
@VouchsafeTest
class KeyPolicyHttpTests {

    /** Full fingerprint of fixtures/dan.pub.asc (RSA-2048). */
    static final String DAN = "351537F0CF15AC3917B089A794EC036A4D3095EF";

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldRefuseAnRsa1024KeyAtFilingNamingTheFieldAndTheFix() {
        Map<String, Object> filing = filingWith("Weak Rsa", "weak@example.org", Fixtures.text("corpus/key-rsa1024.asc"));

        Api.Response refused = api.post("applicant", "/api/requests", filing);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("requesters[0].publicKey");
        assertThat(refused.json().path("errors").get(0).path("message").asText())
                .contains("RSA with 1024 bits is below the minimum of 2048", "gpg --quick-gen-key");
    }

    @Test
    void shouldAcceptAnRsa2048KeyWithAConcernInCriterion8() {
        Map<String, Object> filing = filingWith("Dan Example", "dan@example.org",
                org.vouchsafe.support.Fixtures.publicKey("dan"));

        Api.Response filed = api.post("applicant", "/api/requests", filing);

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        JsonNode pending = criterion8(id);
        assertThat(pending.path("outcome").asText()).isEqualTo("PENDING");
        assertThat(pending.path("reasons").toString()).contains("RSA with 2048 bits", "3072 bits or more");

        String path = "/api/requests/" + id + "/challenges/" + DAN;
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("applicant", path).status() == 200);
        String code = Pgp.code(Pgp.decrypt("dan", api.get("applicant", path).json().path("message").asText()));
        Api.Response answered = api.post("applicant", path, Map.of("answer", code));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode afterwards = criterion8(id);
        assertThat(afterwards.path("outcome").asText()).isEqualTo("CONCERN");
        assertThat(afterwards.path("reasons").get(0).asText()).contains("Every requester decrypted");
        assertThat(afterwards.path("reasons").get(1).asText()).startsWith("Dan Example <dan@example.org>: Key " + DAN)
                .contains("recommended-rsa-bits");
    }

    private static Map<String, Object> filingWith(String name, String email, String publicKey) {
        Map<String, Object> filing = Filings.valid();
        Map<String, Object> requester = new LinkedHashMap<>(Filings.requester(name, email, "ann"));
        requester.put("publicKey", publicKey);
        filing.put("requesters", new ArrayList<>(List.of(requester)));
        filing.put("vouchers", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", "Val Voucher",
                "email", "val@other.org", "vouchesFor", email)))));
        return filing;
    }

    private JsonNode criterion8(String id) {
        return api.get("applicant", "/api/requests/" + id).json().path("criteria").get(7).path("check");
    }
}
