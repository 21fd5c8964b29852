package org.vouchsafe.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** The request list over HTTP: newest first, one page at a time, filtered by status. */
@VouchsafeTest
class RequestListHttpTests {

    @Autowired
    TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldHandOutTheListPageByPageWithTheTotalAndALinkToTheNextPage() {
        // given at least three requests
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("admin", "/api/requests", Filings.valid()).status()).isEqualTo(201);
        }

        // when
        Api.Response first = api.get("admin", "/api/requests?size=2");
        Api.Response second = api.get("admin", "/api/requests?size=2&page=1");

        // then
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        long total = Long.parseLong(first.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.header("Link")).contains("</api/requests?page=1&size=2>; rel=\"next\"");
        assertThat(second.header("Link")).contains("</api/requests?page=0&size=2>; rel=\"prev\"");
        assertThat(ids(second)).isNotEmpty().doesNotContainAnyElementsOf(ids(first));
        List<String> filedAt = new ArrayList<>();
        first.json().forEach(r -> filedAt.add(r.path("filedAt").asText()));
        second.json().forEach(r -> filedAt.add(r.path("filedAt").asText()));
        assertThat(filedAt).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void shouldListOnlyTheAskedStatuses() {
        api.post("admin", "/api/requests", Filings.valid());

        Api.Response inReview = api.get("reviewer1", "/api/requests?status=IN_REVIEW&size=200");
        Api.Response none = api.get("reviewer1", "/api/requests?status=WITHDRAWN,APPROVED&size=200");

        assertThat(inReview.status()).as(inReview.toString()).isEqualTo(200);
        assertThat(inReview.json()).isNotEmpty().allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("IN_REVIEW"));
        assertThat(none.json()).allSatisfy(r -> assertThat(r.path("status").asText()).isIn("WITHDRAWN", "APPROVED"));
    }

    @Test
    void shouldNameTheParameterAndTheFixWhenAPageIsAskedForWrongly() {
        Api.Response tooBig = api.get("admin", "/api/requests?size=5000");
        Api.Response notANumber = api.get("admin", "/api/requests?page=first");
        Api.Response unknownStatus = api.get("admin", "/api/requests?status=OPEN");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorFields()).containsExactly("size");
        assertThat(tooBig.body()).contains("from 1 to 200");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorFields()).containsExactly("page");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.errorFields()).containsExactly("status");
        assertThat(unknownStatus.body()).contains("IN_REVIEW");
    }

    @Test
    void shouldPageOnlyTheApplicantsOwnRequests() {
        Api.Response mine = api.get("applicant", "/api/requests?size=200");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().size()).isEqualTo((int) Math.min(200, Long.parseLong(mine.header("X-Total-Count"))));
        // every request on it was filed by the applicant: the admin-filed ones above are not there
        for (JsonNode r : mine.json()) {
            assertThat(api.get("applicant", "/api/requests/" + r.path("id").asText()).status()).isEqualTo(200);
        }
    }

    private static List<String> ids(Api.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }
}
