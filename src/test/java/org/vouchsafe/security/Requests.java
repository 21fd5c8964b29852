package org.vouchsafe.security;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Membership requests in a given state, made over HTTP as the demo users would. */
final class Requests {

    /** A test-only member of the vouchers group: the demo seeds no voucher account. */
    static final String VOUCHER = "voucher";

    private final Http http;

    Requests(Http http) {
        this.http = http;
    }

    /** A request filed by {@code user}, with the reviewers (status IN_REVIEW). */
    String filedBy(String user) {
        return filedBy(user, Filings.valid());
    }

    String filedBy(String user, Map<String, Object> filing) {
        Http.Response filed = http.call("POST", "/api/requests").as(user).json(Http.json(filing)).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    String inReview() {
        return filedBy("applicant");
    }

    /** A request whose reviewers asked the applicant a question. */
    String needsInfo() {
        String id = inReview();
        vote(id, "reviewer1", "NEEDS_INFO", "Which releases did you ship last year?");
        assertThat(status(id)).isEqualTo("NEEDS_INFO");
        return id;
    }

    /** A request approved by three reviewers whose objection window (one second in tests) has passed. */
    String awaitingDecision() {
        String id = inReview();
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            vote(id, reviewer, "APPROVE", null);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(id).equals("AWAITING_DECISION"));
        return id;
    }

    /** The open vote task of {@code reviewer} on the request. */
    String voteTask(TaskService tasks, String id, String reviewer) {
        return tasks.createTaskQuery().processInstanceBusinessKey(id).taskAssignee(reviewer).singleResult().getId();
    }

    void vote(String id, String reviewer, String vote, String comment) {
        Map<String, Object> body = comment == null ? Map.of("vote", vote) : Map.of("vote", vote, "comment", comment);
        Http.Response voted = http.call("POST", "/api/requests/" + id + "/votes").as(reviewer).json(Http.json(body)).send();
        assertThat(voted.status()).as(voted.toString()).isEqualTo(201);
    }

    String status(String id) {
        return http.call("GET", "/api/requests/" + id).as("admin").send().json().path("status").asText();
    }

    /** Creates the voucher account once; the database outlives a test class. */
    static synchronized void ensureVoucher(IdentityService identity) {
        if (identity.createUserQuery().userId(VOUCHER).count() == 0) {
            User user = identity.newUser(VOUCHER);
            user.setFirstName("Val");
            user.setLastName("Voucher");
            user.setEmail("val@other.org");
            user.setPassword(Http.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(VOUCHER, "vouchers");
        }
    }
}
