package org.vouchsafe.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the membership journey over HTTP that the cluster tests share. */
final class ClusterScenario {

    private ClusterScenario() {
    }

    /** Files a valid request for a fresh distro as the demo applicant; returns its id. */
    static String file(Http http, Node node) {
        Http.Response filed = http.post(node, "applicant", "/api/requests", Filings.valid());
        assertThat(filed.status()).as("filing on %s: %s", node.name, filed).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    /** Three demo reviewers approve (the default quorum). */
    static void approveToQuorum(Http http, Node node, String requestId) {
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            Http.Response vote = http.post(node, reviewer, "/api/requests/" + requestId + "/votes",
                    Map.of("vote", "APPROVE", "comment", "ok"));
            assertThat(vote.status()).as("vote of %s on %s: %s", reviewer, node.name, vote).isEqualTo(201);
        }
    }

    static String status(Http http, Node node, String requestId) {
        Http.Response r = http.get(node, "admin", "/api/requests/" + requestId);
        return r.status() == 200 ? r.json().path("status").asText() : "HTTP " + r.status();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
