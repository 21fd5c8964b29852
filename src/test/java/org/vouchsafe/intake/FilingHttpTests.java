package org.vouchsafe.intake;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** Filing over HTTP: every refusal is problem+json that names the field, and stores nothing. */
@VouchsafeTest
@SuppressWarnings("unchecked")
class FilingHttpTests {

    @Autowired
    TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldRejectAnUnknownTopLevelField() {
        Map<String, Object> filing = Filings.valid();
        filing.put("colour", "red");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("colour");
        assertNotStored(filing);
    }

    @Test
    void shouldRejectAnUnknownNestedFieldWithItsPath() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("colour", "red");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("distro.colour");
    }

    @Test
    void shouldNameAnUnknownFieldInsideAList() {
        Map<String, Object> filing = Filings.valid();
        ((java.util.List<Map<String, Object>>) filing.get("requesters")).get(0).put("colour", "red");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("requesters[0].colour");
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("unixLike", "yes");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("distro.unixLike");
        assertNotStored(filing);
    }

    @Test
    void shouldRejectAMalformedDate() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("latestRelease", "2026-13-45");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("distro.latestRelease");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("YYYY-MM-DD");
        assertNotStored(filing);
    }

    @Test
    void shouldRejectMalformedJson() {
        Api.Response response = api.postRaw("applicant", "/api/requests", "{\"list\": \"linux-distros\", ",
                MediaType.APPLICATION_JSON);

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("com.fasterxml").doesNotContain("Exception");
    }

    @Test
    void shouldRejectAFilingWithoutAnswersAndStoreNothing() {
        // given
        Map<String, Object> filing = Filings.valid();
        filing.remove("answers");

        // when
        Api.Response response = api.post("applicant", "/api/requests", filing);

        // then
        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactly("answers");
        assertNotStored(filing);
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnce() {
        Map<String, Object> filing = Filings.valid();
        Filings.answers(filing).remove("4");
        filing.put("list", "oss-security");

        Api.Response response = api.post("applicant", "/api/requests", filing);

        assertProblem(response, 400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("answers.4", "list");
        assertNotStored(filing);
    }

    @Test
    void shouldRefuseASecondOpenRequestForTheSameDistro() {
        // given
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api.Response first = api.post("applicant", "/api/requests", Filings.valid("Example Linux X " + suffix));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        // when: the same name with other case and spacing
        Api.Response second = api.post("applicant", "/api/requests",
                Filings.valid("  example   LINUX x " + suffix.toUpperCase() + " "));

        // then
        assertProblem(second, 409);
        assertThat(second.errorFields()).containsExactly("distro.name");
        assertThat(second.json().path("detail").asText()).contains(first.json().path("id").asText());
    }

    @Test
    void shouldFileAndReadBackTheRequest() {
        Map<String, Object> filing = Filings.valid();

        Api.Response filed = api.post("applicant", "/api/requests", filing);

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/requests/" + id);
        JsonNode read = api.get("applicant", "/api/requests/" + id).json();
        assertThat(read.path("distro").path("name").asText()).isEqualTo(Filings.distro(filing).get("name"));
        assertThat(read.path("list").asText()).isEqualTo("linux-distros");
        assertThat(read.path("criteria")).hasSize(9);
        for (int n = 1; n <= 9; n++) {
            JsonNode criterion = read.path("criteria").get(n - 1);
            assertThat(criterion.path("number").asInt()).isEqualTo(n);
            assertThat(criterion.path("answer").asText()).isEqualTo(Filings.answers(filing).get(String.valueOf(n)));
            assertThat(criterion.path("check").path("outcome").asText()).isIn("PASS", "CONCERN", "FAIL", "MANUAL", "PENDING");
            assertThat(criterion.path("check").path("reasons")).isNotEmpty();
        }
        assertThat(read.path("decision").isNull()).isTrue();
        assertThat(api.get("applicant", "/api/requests").json()).extracting(r -> r.path("id").asText()).contains(id);
    }

    /**
     * BUG: 500 LazyInitializationException — RequestController.thread renders the request's
     * lazy collections (requesters, roles, vouchers) outside any transaction (open-in-view is off).
     */
    @Test
    void shouldServeTheRequestAsAnOssSecurityPosting() {
        Map<String, Object> filing = Filings.valid();
        String id = api.post("applicant", "/api/requests", filing).json().path("id").asText();

        Api.Response thread = api.get("applicant", "/api/requests/" + id + "/thread");

        assertThat(thread.status()).isEqualTo(200);
        assertThat(thread.header("Content-Type")).startsWith("text/plain");
        assertThat(thread.body()).startsWith("Subject: [oss-security] linux-distros membership request: "
                + Filings.distro(filing).get("name") + "\n");
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().has("errors")).isTrue();
        assertThat(response.body()).doesNotContain("\tat ");
    }

    private void assertNotStored(Map<String, Object> filing) {
        Object name = Filings.distro(filing).get("name");
        JsonNode mine = api.get("applicant", "/api/requests").json();
        assertThat(mine).extracting(r -> r.path("distro").path("name").asText()).doesNotContain(String.valueOf(name));
    }
}
