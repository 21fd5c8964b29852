package org.vouchsafe.catalogue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's rules as applicants' tooling reads them. */
@VouchsafeTest
class CatalogueHttpTests {

    @Autowired
    TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldServeTheNineCriteriaWithTitles() {
        JsonNode criteria = api.get("applicant", "/api/catalogue/criteria").json();

        assertThat(criteria).hasSize(9);
        for (int n = 1; n <= 9; n++) {
            JsonNode criterion = criteria.get(n - 1);
            assertThat(criterion.path("number").asInt()).isEqualTo(n);
            assertThat(criterion.path("title").asText()).isNotBlank();
            assertThat(criterion.path("text").asText()).isNotBlank();
        }
    }

    @Test
    void shouldServeTheEighteenRoles() {
        JsonNode roles = api.get("applicant", "/api/catalogue/roles").json();

        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            expected.add("T" + n);
        }
        for (int n = 1; n <= 13; n++) {
            expected.add("A" + n);
        }
        assertThat(roles).extracting(r -> r.path("id").asText()).containsExactlyElementsOf(expected);
        assertThat(roles).allSatisfy(r -> assertThat(r.path("title").asText()).isNotBlank());
        assertThat(roles).extracting(r -> r.path("id").asText().charAt(0) + r.path("kind").asText())
                .allMatch(s -> s.equals("TTECHNICAL") || s.equals("AADMINISTRATIVE"));
    }

    @Test
    void shouldServeTheCurrentPolicy() {
        JsonNode policy = api.get("applicant", "/api/catalogue/policy").json();

        assertThat(policy.path("version").asText()).isEqualTo("2017-06-28");
        assertThat(policy.path("current").asBoolean()).isTrue();
        assertThat(policy.path("text").asText()).isNotBlank();
    }
}
