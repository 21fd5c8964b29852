package org.vouchsafe.criteria;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Criteria 6 and 8 on a draft that is never stored: they cannot have passed, and an unusable key fails C8 at once. */
@VouchsafeTest
class PgpCriteriaSelfAssessmentHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldLeaveCriteria6And8PendingUntilAfterFiling() {
        JsonNode checks = assess(Filings.valid());

        assertThat(checks.get(5).path("outcome").asText()).isEqualTo("PENDING");
        assertThat(checks.get(7).path("outcome").asText()).isEqualTo("PENDING");
        assertThat(checks.get(7).path("reasons").get(0).asText()).contains("sent after filing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFailCriterion8NamingTheRequesterWhoseKeyCannotBeUsed() {
        Map<String, Object> draft = Filings.valid();
        ((List<Map<String, Object>>) draft.get("requesters")).get(0).put("publicKey", Fixtures.publicKey("bob"));

        JsonNode checks = assess(draft);

        assertThat(checks.get(7).path("outcome").asText()).isEqualTo("FAIL");
        assertThat(checks.get(7).path("reasons").get(0).asText())
                .contains("Ann Example <ann@example.org> cannot receive the encrypted challenge", "ann@example.org");
    }

    private JsonNode assess(Map<String, Object> draft) {
        Api.Response response = new Api(rest).post(null, "/api/self-assessment", draft);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("checks");
    }
}
