package org.vouchsafe.review;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer's inbox: their open vote tasks, newest first, and how many there are. */
@VouchsafeTest
class InboxHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReviewerInbox inbox;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldShowTheReviewerTheVoteOnANewRequestFirstAndDropItOnceTheyVoted() {
        // given
        Map<String, Object> filing = Filings.valid();
        String id = api.post("applicant", "/api/requests", filing).json().path("id").asText();

        // when
        Api.Response before = api.get("reviewer1", "/api/inbox?size=5");

        // then
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        JsonNode first = before.json().path("tasks").get(0);
        assertThat(first.path("requestId").asText()).isEqualTo(id);
        assertThat(first.path("distro").asText()).isEqualTo(Filings.distro(filing).get("name"));
        assertThat(first.path("taskKey").asText()).isEqualTo("Task_Vote");
        assertThat(first.path("tasklist").asText()).endsWith("?task=" + first.path("taskId").asText());
        assertThat(before.json().path("count").asLong()).isGreaterThanOrEqualTo(before.json().path("tasks").size());

        // and when they vote
        assertThat(api.post("reviewer1", "/api/requests/" + id + "/votes", Api.vote("APPROVE", "fine")).status()).isEqualTo(201);

        // then
        JsonNode after = api.get("reviewer1", "/api/inbox?size=200").json();
        assertThat(after.path("tasks")).extracting(t -> t.path("requestId").asText()).doesNotContain(id);
        assertThat(after.path("count").asLong()).isEqualTo(before.json().path("count").asLong() - 1);
    }

    @Test
    void shouldShowAReviewerOnlyTheirOwnTasks() {
        String id = api.post("applicant", "/api/requests", Filings.valid()).json().path("id").asText();
        api.post("reviewer2", "/api/requests/" + id + "/votes", Api.vote("APPROVE", "fine"));

        JsonNode reviewer2 = api.get("reviewer2", "/api/inbox?size=200").json();

        assertThat(reviewer2.path("tasks")).extracting(t -> t.path("requestId").asText()).doesNotContain(id);
        assertThat(api.get("reviewer1", "/api/inbox?size=200").json().path("tasks"))
                .extracting(t -> t.path("requestId").asText()).contains(id);
    }

    @Test
    void shouldCountOnlyUpToTheCapPlusOne() {
        api.post("applicant", "/api/requests", Filings.valid());
        api.post("applicant", "/api/requests", Filings.valid());

        long all = inbox.countUpTo("reviewer1", 1_000_000);
        long capped = inbox.countUpTo("reviewer1", 1);

        assertThat(all).isGreaterThanOrEqualTo(2);
        assertThat(capped).isEqualTo(2);
    }

    @Test
    void shouldNameTheParameterAndTheFixForAWrongPageSize() {
        Api.Response response = api.get("reviewer1", "/api/inbox?size=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("size");
        assertThat(response.body()).contains("from 1 to 200");
    }
}
