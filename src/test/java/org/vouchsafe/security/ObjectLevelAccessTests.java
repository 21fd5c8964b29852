package org.vouchsafe.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The object-level rules behind the matrix: an applicant reaches only their own requests (and
 * others' ids look exactly like unknown ones), and a reviewer with a conflict of interest
 * neither votes on nor reads the review comments of that request.
 */
@VouchsafeTest
class ObjectLevelAccessTests {

    @LocalServerPort
    int port;

    Http http;
    Requests requests;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        requests = new Requests(http);
    }

    @Test
    void shouldHideAnotherApplicantsRequestLikeAnUnknownOne() {
        // given: a request the applicant did not file
        String foreign = requests.filedBy("admin");
        String unknown = "00000000-0000-0000-0000-000000000000";

        for (String path : new String[] {"/api/requests/%s", "/api/requests/%s/thread", "/api/audit?request=%s"}) {
            Http.Response theirs = http.call("GET", path.formatted(foreign)).as("applicant").send();
            Http.Response none = http.call("GET", path.formatted(unknown)).as("applicant").send();

            assertThat(theirs.status()).as(path).isEqualTo(404);
            assertThat(none.status()).as(path).isEqualTo(404);
        }
        Http.Response reply = http.call("POST", "/api/requests/" + foreign + "/replies").as("applicant")
                .json(Http.json(Map.of("text", "Let me answer for them."))).send();
        assertThat(reply.status()).isEqualTo(404);
        assertThat(http.call("GET", "/api/requests").as("applicant").send().body()).doesNotContain(foreign);
    }

    @Test
    void shouldShowTheApplicantTheirRequestButNotTheReviewersComments() {
        // given
        String own = requests.inReview();
        requests.vote(own, "reviewer2", "OBJECT", "Their track record is thin; private note for the admins.");

        // when
        Http.Response request = http.call("GET", "/api/requests/" + own).as("applicant").send();
        Http.Response audit = http.call("GET", "/api/audit?request=" + own).as("applicant").send();
        Http.Response votes = http.call("GET", "/api/requests/" + own + "/votes").as("applicant").send();

        // then
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.body()).doesNotContain("private note");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("REQUEST_FILED").doesNotContain("VOTE_CAST").doesNotContain("private note");
        assertThat(votes.status()).isEqualTo(403);
        assertThat(http.call("GET", "/api/requests").as("applicant").send().body()).contains(own);
    }

    @Test
    void shouldKeepAConflictedReviewerFromVotingAndFromReadingTheComments() {
        // given: a request from the organization reviewer1 works for (Alpine Linux)
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("organization", "Alpine Linux Development Team");
        String id = requests.filedBy("applicant", filing);
        requests.vote(id, "reviewer2", "APPROVE", "Known to us for years.");

        // when
        Http.Response vote = http.call("POST", "/api/requests/" + id + "/votes").as("reviewer1")
                .json(Http.json(Map.of("vote", "APPROVE"))).send();
        Http.Response comments = http.call("GET", "/api/requests/" + id + "/votes").as("reviewer1").send();
        Http.Response unconflicted = http.call("GET", "/api/requests/" + id + "/votes").as("reviewer3").send();

        // then
        assertThat(vote.status()).isEqualTo(403);
        assertThat(vote.json().path("detail").asText()).contains("conflict of interest");
        assertThat(comments.status()).isEqualTo(403);
        assertThat(comments.body()).doesNotContain("Known to us");
        assertThat(unconflicted.status()).isEqualTo(200);
        assertThat(unconflicted.body()).contains("Known to us");
        JsonNode tally = http.call("GET", "/api/requests/" + id).as("admin").send().json().path("votes");
        assertThat(tally.path("approve").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheRequestsLockedRouteWith403ForAReviewerOnTheAuditTrail() {
        String id = requests.inReview();

        assertThat(http.call("GET", "/api/audit?request=" + id).as("reviewer1").send().status()).isEqualTo(403);
        assertThat(http.call("GET", "/api/audit?request=" + id).as("admin").send().status()).isEqualTo(200);
    }
}
