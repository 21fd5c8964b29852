package org.vouchsafe.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.cluster.ClusterScenario.await;

/**
 * Many reviewers vote on many requests at once over HTTP (50 × 200 by default: every request
 * has a vote task for each of the 50 reviewers). The quorum (3) closes each round; later voters
 * get a clean 409. Every 201 is one stored vote, the quorum fires once per request, no engine
 * locking message reaches a user and no incident is left.
 * Sizes: {@code -Dcluster.reviewers=50 -Dcluster.requests=200}.
 */
@Timeout(value = 2400, unit = TimeUnit.SECONDS)
class ConcurrentVotingIT {

    static final int REVIEWERS = Integer.getInteger("cluster.reviewers", 50);
    static final int REQUESTS = Integer.getInteger("cluster.requests", 200);
    /** A reviewer's client re-sends a vote answered "please send it again" at most this often. */
    static final int CLIENT_RETRIES = 5;

    @Test
    void shouldCountExactlyOneVoteEachAndFireTheQuorumOncePerRequest() throws Exception {
        ClusterDatabase db = ClusterDatabase.emptied();
        Http http = new Http(REVIEWERS);
        try (Node node = Node.start("voting", db, Map.of("vouchsafe.review.objection-window", "PT5S"), Map.of())
                .awaitHealthy(Duration.ofSeconds(150))) {

            // given REVIEWERS reviewers (5 demo ones and more created by the admin)
            List<String> reviewers = new ArrayList<>();
            for (int n = 1; n <= REVIEWERS; n++) {
                String id = "reviewer" + n;
                reviewers.add(id);
                if (n > 5) {
                    Http.Response user = http.post(node, "admin", "/engine-rest/user/create", Map.of(
                            "profile", Map.of("id", id, "firstName", "Reviewer", "lastName", String.valueOf(n),
                                    "email", id + "@reviewers.example"),
                            "credentials", Map.of("password", "demo")));
                    assertThat(user.status()).as(user.toString()).isEqualTo(204);
                    Http.Response member = http.put(node, "admin", "/engine-rest/group/reviewers/members/" + id, null);
                    assertThat(member.status()).as(member.toString()).isEqualTo(204);
                }
            }

            // and REQUESTS requests in review
            long filingStarted = System.nanoTime();
            List<String> requests = Collections.synchronizedList(new ArrayList<>());
            ExecutorService filers = Executors.newFixedThreadPool(4);
            List<Future<?>> filings = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                filings.add(filers.submit(() -> requests.add(ClusterScenario.file(http, node))));
            }
            for (Future<?> f : filings) {
                f.get(15, TimeUnit.MINUTES);
            }
            filers.shutdown();
            double filingSeconds = (System.nanoTime() - filingStarted) / 1e9;
            assertThat(db.count("select count(*) from act_ru_task where task_def_key_ = 'Task_Vote'"))
                    .isEqualTo((long) REVIEWERS * REQUESTS);

            // when every reviewer votes on every request at the same time, each in their own order
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            List<String> leaks = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger resent = new AtomicInteger();
            long votingStarted = System.nanoTime();
            ExecutorService voters = Executors.newFixedThreadPool(REVIEWERS);
            List<Future<?>> runs = new ArrayList<>();
            for (String reviewer : reviewers) {
                runs.add(voters.submit(() -> {
                    List<String> order = new ArrayList<>(requests);
                    Collections.shuffle(order);
                    for (String id : order) {
                        for (int attempt = 0; attempt <= CLIENT_RETRIES; attempt++) {
                            Http.Response vote = http.post(node, reviewer, "/api/requests/" + id + "/votes",
                                    Map.of("vote", "APPROVE", "comment", "ok"));
                            statuses.merge(String.valueOf(vote.status()), 1, Integer::sum);
                            if (vote.body() != null && (vote.body().contains("ptimistic") || vote.body().contains("ENGINE-"))) {
                                leaks.add(vote.toString());
                            }
                            if (vote.status() == 201) {
                                accepted.add(id + "/" + reviewer);
                            }
                            if (vote.status() == 409 && vote.body().contains("send your vote again")) {
                                resent.incrementAndGet();
                                continue;
                            }
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(35, TimeUnit.MINUTES);
            }
            voters.shutdown();
            double votingSeconds = (System.nanoTime() - votingStarted) / 1e9;
            System.out.printf("%d reviewers x %d requests: filing %.1f s, voting %.1f s, responses %s, re-sent %d%n",
                    REVIEWERS, REQUESTS, filingSeconds, votingSeconds, statuses, resent.get());

            // then (all checked, so that one failure does not hide another)
            SoftAssertions softly = new SoftAssertions();
            // only 201 and 409 were answered, and no engine message reached anyone
            softly.assertThat(statuses.keySet()).as("HTTP statuses %s", statuses).containsOnly("201", "409");
            softly.assertThat(leaks).as("responses that leak engine locking").isEmpty();

            // every 201 is exactly one stored vote, and the quorum took exactly three per request
            Set<String> stored = new HashSet<>();
            db.rows("select request_id, reviewer from vote").forEach(r -> stored.add(r.get(0) + "/" + r.get(1)));
            softly.assertThat(stored).isEqualTo(accepted);
            softly.assertThat(db.count("select count(*) from vote")).isEqualTo(accepted.size());
            Map<String, Integer> perRequest = new HashMap<>();
            accepted.forEach(v -> perRequest.merge(v.split("/")[0], 1, Integer::sum));
            softly.assertThat(perRequest).hasSize(REQUESTS);
            softly.assertThat(perRequest.values()).containsOnly(3);

            // the quorum fired once per request and each request reaches the decision once
            softly.assertThat(db.count("select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = "
                    + "'Gateway_ObjectionWindow' group by proc_inst_id_ having count(*) = 1) once")).isEqualTo(REQUESTS);
            await("all requests AWAITING_DECISION", Duration.ofSeconds(120), () -> db.count(
                    "select count(*) from membership_request where status = 'AWAITING_DECISION'") == REQUESTS);
            assertThat(db.count("select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = "
                    + "'Task_AdminDecision' group by proc_inst_id_ having count(*) = 1) once")).isEqualTo(REQUESTS);
            assertThat(db.count("select count(*) from act_ru_task where task_def_key_ = 'Task_Vote'")).isZero();

            // and no incident is left
            Http.Response incidents = http.get(node, "admin", "/engine-rest/incident/count");
            assertThat(incidents.json().path("count").asInt()).as(incidents.toString()).isZero();
            Http.Response audit = http.get(node, "admin", "/api/audit/verify");
            assertThat(audit.json().path("ok").asBoolean()).as(audit.toString()).isTrue();
            softly.assertAll();
        }
    }
}
