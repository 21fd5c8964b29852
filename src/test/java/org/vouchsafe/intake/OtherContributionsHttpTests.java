package org.vouchsafe.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contributing back "or/and something else": a distro offers work outside the 18 roles as
 * {@code {"role": "OTHER", "title", "specifics"}}, beside catalogue roles or alone, and reviewers
 * see it in the request, the dossier and the thread.
 */
@VouchsafeTest
class OtherContributionsHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Catalogue catalogue;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldFileAContributionOutsideTheCatalogueBesideACatalogueRoleAndShowItEverywhere() {
        // given
        Map<String, Object> filing = Filings.valid();
        roles(filing).add(other("Reproducible-build checks", "We rebuild every embargoed fix and compare the binaries."));

        // when
        Api.Response filed = api.post("applicant", "/api/requests", filing);

        // then: stored and read back with its own title beside the catalogue role's
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        JsonNode request = api.get("applicant", "/api/requests/" + id).json();
        JsonNode roles = request.path("roles");
        assertThat(roles).extracting(r -> r.path("role").asText() + ": " + r.path("title").asText())
                .containsExactlyInAnyOrder("A1: " + catalogue.role("A1").orElseThrow().title(),
                        "OTHER: Reproducible-build checks");
        assertThat(roles).filteredOn(r -> r.path("role").asText().equals("OTHER")).singleElement()
                .satisfies(r -> assertThat(r.path("specifics").asText()).startsWith("We rebuild every embargoed fix"));
        // criterion 7 is for people to judge, and names the offer
        JsonNode c7 = request.path("criteria").get(6).path("check");
        assertThat(c7.path("outcome").asText()).isEqualTo("MANUAL");
        assertThat(c7.path("reasons").get(0).asText()).contains("Offers 2 contribution(s)", "Reproducible-build checks");
        // the thread and the dossier show it
        assertThat(api.get("applicant", "/api/requests/" + id + "/thread").body())
                .contains("- Other: Reproducible-build checks: We rebuild every embargoed fix");
        assertThat(api.get("reviewer1", "/requests/" + id).body())
                .contains("Other — Reproducible-build checks", "We rebuild every embargoed fix");
    }

    @Test
    void shouldTakeContributionsOutsideTheCatalogueAloneAsAnOffer() {
        // given: nothing from the catalogue, two other contributions
        Map<String, Object> filing = Filings.valid();
        roles(filing).clear();
        roles(filing).add(other("Fuzzing", "We fuzz the parsers of every reported component."));
        roles(filing).add(other("Backports", "We backport fixes to the oldest supported branches."));

        // when
        Api.Response filed = api.post("applicant", "/api/requests", filing);

        // then
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode request = api.get("applicant", "/api/requests/" + filed.json().path("id").asText()).json();
        assertThat(request.path("roles")).extracting(r -> r.path("title").asText())
                .containsExactlyInAnyOrder("Fuzzing", "Backports");
        JsonNode c7 = request.path("criteria").get(6).path("check");
        assertThat(c7.path("outcome").asText()).isEqualTo("MANUAL");
        assertThat(c7.path("reasons").toString()).contains("Only contributions outside the catalogue are offered");
    }

    @Test
    void shouldFailCriterion7OnlyWhenNothingIsOffered() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).clear();

        Api.Response filed = api.post("applicant", "/api/requests", filing);

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode c7 = filed.json().path("criteria").get(6).path("check");
        assertThat(c7.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(c7.path("reasons").get(0).asText()).contains("Nothing is offered");
    }

    @Test
    void shouldRefuseAnOtherContributionWithoutTitleNamingTheField() {
        Map<String, Object> filing = Filings.valid();
        Map<String, Object> untitled = other(null, "Something useful, we promise, in detail.");
        untitled.remove("title");
        roles(filing).add(untitled);

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[1].title");
    }

    @Test
    void shouldRefuseAnOverlongTitleNamingTheField() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).add(other("x".repeat(201), "Specifics of a reasonable length."));

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[1].title");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("200 characters");
    }

    @Test
    void shouldRefuseATitleOnACatalogueRoleNamingTheField() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).get(0).put("title", "Our own name for A1");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[0].title");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("only for role OTHER");
    }

    @Test
    void shouldRefuseTheSameOtherContributionTwice() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).add(other("Fuzzing", "We fuzz the parsers of every reported component."));
        roles(filing).add(other("fuzzing ", "And again."));

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[2].title");
    }

    @Test
    void shouldRefuseAnOtherContributionWithOverlongSpecifics() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).add(other("Fuzzing", " ")); // specifics are asked for "preferably": blank is taken
        roles(filing).add(other("Backports", "y".repeat(4001)));

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[2].specifics");
    }

    @Test
    void shouldRefuseAnUnknownRoleIdNamingOtherAsTheWayOut() {
        Map<String, Object> filing = Filings.valid();
        roles(filing).add(new LinkedHashMap<>(Map.of("role", "Z9", "specifics", "Something else entirely.")));

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[1].role");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("or OTHER with a title");
    }

    @Test
    void shouldRefuseMoreThanTenOtherContributions() {
        Map<String, Object> filing = Filings.valid();
        for (int i = 1; i <= 11; i++) {
            roles(filing).add(other("Contribution " + i, "Specifics of contribution " + i + "."));
        }

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertRefused(response, filing, "roles[11].role");
    }

    private void assertRefused(Api.Response response, Map<String, Object> filing, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(fields);
        Object name = Filings.distro(filing).get("name");
        assertThat(api.get("applicant", "/api/requests?size=200").body()).doesNotContain(String.valueOf(name));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> roles(Map<String, Object> filing) {
        return (List<Map<String, Object>>) filing.get("roles");
    }

    private static Map<String, Object> other(String title, String specifics) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("role", "OTHER");
        role.put("title", title);
        role.put("specifics", specifics);
        return role;
    }
}
