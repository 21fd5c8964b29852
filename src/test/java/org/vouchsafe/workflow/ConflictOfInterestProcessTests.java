package org.vouchsafe.workflow;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** (e) A reviewer affiliated with the applicant gets no vote and does not see the review. */
@VouchsafeTest
class ConflictOfInterestProcessTests extends ProcessTestSupport {

    @Test
    void shouldKeepADebianReviewerOutOfDebiansRequest() {
        // given
        String id = fileOverHttp(Filings.valid("Debian"));
        try {
            ProcessInstance instance = instance(id);

            // then
            assertThat(assignees(voteTasks(instance)))
                    .containsExactlyInAnyOrder("reviewer1", "reviewer3", "reviewer4", "reviewer5");

            Api.Response vote = vote("reviewer2", id, "APPROVE", null);
            assertThat(vote.status()).as(vote.toString()).isEqualTo(403);
            Api.Response votes = api.get("reviewer2", "/api/requests/" + id + "/votes");
            assertThat(votes.status()).as(votes.toString()).isEqualTo(403);
            assertThat(api.get("reviewer1", "/api/requests/" + id + "/votes").status()).isEqualTo(200);
            assertThat(read("admin", id).path("votes").path("approve").asInt()).isZero();
        } finally {
            // close it, so that the name "Debian" is free for any other test
            vote("reviewer1", id, "OBJECT", "Test request.");
            decide(id, Map.of("outcome", "REJECTED", "reason", "Test request."));
        }
    }

    @Test
    void shouldKeepARedHatReviewerOutOfARequestByRedHat() {
        // given
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("organization", "Red Hat, Inc.");

        // when
        String id = fileOverHttp(filing);

        // then
        assertThat(assignees(voteTasks(instance(id))))
                .containsExactlyInAnyOrder("reviewer1", "reviewer2", "reviewer4", "reviewer5");
        Api.Response vote = vote("reviewer3", id, "OBJECT", "I would rather not.");
        assertThat(vote.status()).as(vote.toString()).isEqualTo(403);
        assertThat(api.get("reviewer3", "/api/requests/" + id + "/votes").status()).isEqualTo(403);
        assertThat(read("admin", id).path("votes").path("object").asInt()).isZero();
    }

    @Test
    void shouldKeepAReviewerOutOfARequestFromTheirMailDomain() {
        Map<String, Object> filing = Filings.valid();
        Filings.distro(filing).put("homepage", "https://www.alpinelinux.org");

        String id = fileOverHttp(filing);

        assertThat(assignees(voteTasks(instance(id)))).doesNotContain("reviewer1").hasSize(4);
        assertThat(vote("reviewer1", id, "APPROVE", null).status()).isEqualTo(403);
    }
}
