package org.vouchsafe.criteria;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** A prospective applicant checks a draft without an account; nothing is stored. */
@VouchsafeTest
class SelfAssessmentHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldAssessEveryCriterionForAnAnonymousCallerAndStoreNothing() {
        Api api = new Api(rest);
        Map<String, Object> draft = Filings.valid();
        Filings.distro(draft).put("unixLike", false);
        Filings.answers(draft).remove("4");

        Api.Response response = api.post(null, "/api/self-assessment", draft);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode checks = response.json().path("checks");
        assertThat(checks).hasSize(9);
        assertThat(checks.get(0).path("outcome").asText()).isEqualTo("FAIL");
        assertThat(checks.get(0).path("reasons").get(0).asText()).contains("not Unix-like");
        assertThat(response.errorFields()).isEmpty();
        assertThat(response.json().path("problems").toString()).contains("answers.4");
        String distro = (String) Filings.distro(draft).get("name");
        assertThat(api.get("admin", "/api/requests").body()).doesNotContain(distro);
    }

    @Test
    void shouldRefuseMalformedJsonWithAProblem() {
        Api.Response response = new Api(rest).postRaw(null, "/api/self-assessment", "{\"list\": ",
                org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("title").asText()).isEqualTo("Malformed JSON");
    }
}
