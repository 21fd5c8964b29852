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
        JsonNode criteria = response.json().path("criteria");
        assertThat(criteria).hasSize(9);
        assertThat(criteria.get(0).path("check").path("outcome").asText()).isEqualTo("FAIL");
        assertThat(criteria.get(0).path("check").path("reasons").get(0).asText()).contains("not Unix-like");
        assertThat(response.errorFields()).isEmpty();
        assertThat(response.json().path("problems").toString()).contains("answers.4");
        String distro = (String) Filings.distro(draft).get("name");
        assertThat(api.get("admin", "/api/requests").body()).doesNotContain(distro);
    }

    @Test
    void shouldAnswerCriteriaInTheShapeOfARequestSoToolsParseOneShape() {
        // given: the same payload filed and self-assessed
        Api api = new Api(rest);
        Map<String, Object> filing = Filings.valid();
        JsonNode assessed = api.post(null, "/api/self-assessment", filing).json().path("criteria");
        Api.Response filed = api.post("applicant", "/api/requests", filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode stored = api.get("applicant", "/api/requests/" + filed.json().path("id").asText()).json().path("criteria");

        // then: every criterion has number, title and check {outcome, reasons} in both; the checks that do not
        // depend on what happens after filing (keys, challenges, vouches) say the same
        assertThat(assessed).hasSize(9);
        for (int i = 0; i < 9; i++) {
            JsonNode a = assessed.get(i);
            JsonNode s = stored.get(i);
            assertThat(a.path("number").asInt()).isEqualTo(i + 1);
            assertThat(a.path("title").asText()).isEqualTo(s.path("title").asText());
            assertThat(a.path("check").path("outcome").isTextual()).isTrue();
            assertThat(a.path("check").path("reasons").isArray()).isTrue();
        }
        for (int n : new int[] {1, 2, 4, 5, 7}) {
            assertThat(assessed.get(n - 1).path("check")).as("criterion " + n).isEqualTo(stored.get(n - 1).path("check"));
        }
    }

    @Test
    void shouldKeepTheDeprecatedFlatChecksForOneRelease() {
        JsonNode body = new Api(rest).post(null, "/api/self-assessment", Filings.valid()).json();

        JsonNode checks = body.path("checks");
        JsonNode criteria = body.path("criteria");
        assertThat(checks).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(checks.get(i).path("number").asInt()).isEqualTo(criteria.get(i).path("number").asInt());
            assertThat(checks.get(i).path("title").asText()).isEqualTo(criteria.get(i).path("title").asText());
            assertThat(checks.get(i).path("outcome")).isEqualTo(criteria.get(i).path("check").path("outcome"));
            assertThat(checks.get(i).path("reasons")).isEqualTo(criteria.get(i).path("check").path("reasons"));
        }
    }

    @Test
    void shouldMarkTheFlatChecksDeprecatedInTheOpenApiDocument() {
        Api.Response openApi = new Api(rest).get("admin", "/v3/api-docs");

        assertThat(openApi.status()).as(openApi.toString()).isEqualTo(200);
        JsonNode schema = openApi.json().path("components").path("schemas").path("SelfAssessment").path("properties");
        assertThat(schema.path("checks").path("deprecated").asBoolean()).as(schema.toString()).isTrue();
        assertThat(schema.has("criteria")).isTrue();
        assertThat(schema.has("signals")).isTrue();
    }

    @Test
    void shouldRefuseMalformedJsonWithAProblem() {
        Api.Response response = new Api(rest).postRaw(null, "/api/self-assessment", "{\"list\": ",
                org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("title").asText()).isEqualTo("Malformed JSON");
    }
}
