package org.vouchsafe.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.cluster.ClusterScenario.await;

/**
 * A node is killed with SIGKILL in the middle of many filings and votes, then restarted on the
 * same database: every request the clients were told about is there and at its last wait state,
 * every vote they were told about is counted and no other, nothing is half-written or orphaned,
 * and the audit chain verifies.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CrashRecoveryIT {

    static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4", "reviewer5");

    @Test
    void shouldRecoverEveryRequestAfterAKillDuringARun() throws Exception {
        ClusterDatabase db = ClusterDatabase.emptied();
        // A job the killed node had locked waits for the lock to expire (default five minutes); ten
        // seconds lets the test see the restarted node take such a job over.
        Map<String, String> properties = Map.of("vouchsafe.review.objection-window", "PT3S",
                "camunda.bpm.job-execution.lock-time-in-millis", "10000");
        Http http = new Http(8);
        Set<String> filed = ConcurrentHashMap.newKeySet();
        Set<String> votes = ConcurrentHashMap.newKeySet(); // requestId/reviewer answered 201
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();

        // given a run of filings and votes from six clients
        Node first = Node.start("crash-1", db, properties, Map.of()).awaitHealthy(Duration.ofSeconds(150));
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (int c = 0; c < 6; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        sent.incrementAndGet();
                        Http.Response r = http.post(first, "applicant", "/api/requests", Filings.valid());
                        if (r.status() != 201) {
                            continue;
                        }
                        String id = r.json().path("id").asText();
                        filed.add(id);
                        // 0..5 approvals: some requests stay in review, some reach the window or the decision
                        int approvals = ThreadLocalRandom.current().nextInt(6);
                        for (String reviewer : REVIEWERS.subList(0, approvals)) {
                            Http.Response v = http.post(first, reviewer, "/api/requests/" + id + "/votes",
                                    Map.of("vote", "APPROVE", "comment", "ok"));
                            if (v.status() == 201) {
                                votes.add(id + "/" + reviewer);
                            }
                        }
                    }
                    return null;
                });
            }
            await("30 requests filed", Duration.ofSeconds(120), () -> filed.size() >= 30);

            // when the node is killed mid-run (SIGKILL: no shutdown, open transactions die with it)
            first.kill();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(90, TimeUnit.SECONDS);
            first.close();
        }
        System.out.printf("crash run: %d filings sent, %d acknowledged, %d votes acknowledged%n",
                sent.get(), filed.size(), votes.size());

        // and a node restarts on the same database
        try (Node second = Node.start("crash-2", db, properties, Map.of()).awaitHealthy(Duration.ofSeconds(150))) {
            await("due timers to run", Duration.ofSeconds(90),
                    () -> db.count("select count(*) from act_ru_job where duedate_ <= now()") == 0);

            // then nothing acknowledged is lost
            for (String id : filed) {
                assertThat(db.count("select count(*) from membership_request where id = ?", id)).as("request %s", id).isEqualTo(1);
            }
            for (String vote : votes) {
                String[] parts = vote.split("/");
                assertThat(db.count("select count(*) from vote where request_id = ? and reviewer = ?", parts[0], parts[1]))
                        .as("vote %s", vote).isEqualTo(1);
            }

            // every request is at its last wait state, with exactly one process instance
            List<List<Object>> requests = db.rows("select id, status, review_round from membership_request");
            assertThat(requests.size()).isGreaterThanOrEqualTo(filed.size());
            for (List<Object> row : requests) {
                String id = (String) row.get(0);
                String status = (String) row.get(1);
                int round = ((Number) row.get(2)).intValue();
                List<List<Object>> instances = db.rows("select proc_inst_id_ from act_ru_execution where business_key_ = ? "
                        + "and parent_id_ is null and proc_def_id_ like 'membershipRequest:%'", id);
                assertThat(instances).as("running process instances of %s", id).hasSize(1);
                String pi = (String) instances.get(0).get(0);
                long voteTasks = db.count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = 'Task_Vote'", pi);
                long decisionTasks = db.count("select count(*) from act_ru_task where proc_inst_id_ = ? "
                        + "and task_def_key_ = 'Task_AdminDecision'", pi);
                long roundVotes = db.count("select count(*) from vote where request_id = ? and round = ?", id, round);
                switch (status) {
                    case "IN_REVIEW" -> {
                        assertThat(voteTasks + roundVotes).as("open vote tasks + votes of %s", id).isEqualTo(REVIEWERS.size());
                        assertThat(roundVotes).as("votes of %s still in review", id).isLessThan(3);
                        assertThat(decisionTasks).isZero();
                        // the round's counts are transient (read in the vote's transaction): nothing stored to disagree
                        assertThat(db.count("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ = 'approveCount'",
                                pi)).as("stored tally of %s", id).isZero();
                    }
                    case "AWAITING_DECISION" -> {
                        assertThat(decisionTasks).as("decision tasks of %s", id).isEqualTo(1);
                        assertThat(voteTasks).isZero();
                        assertThat(roundVotes).as("votes of %s", id).isEqualTo(3);
                    }
                    default -> throw new AssertionError("request " + id + " left in " + status);
                }
                // no half-written vote: each stored vote is a completed vote task, and each completed vote task has its vote
                long completedVoteTasks = db.count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? "
                        + "and task_def_key_ = 'Task_Vote' and end_time_ is not null and delete_reason_ = 'completed'", pi);
                assertThat(completedVoteTasks).as("completed vote tasks of %s", id)
                        .isEqualTo(db.count("select count(*) from vote where request_id = ?", id));
                assertThat(db.count("select count(*) from request_criterion where request_id = ?", id)).isEqualTo(9);
            }

            // no orphans: no process instance without its request, no task without its instance
            assertThat(db.count("select count(*) from act_ru_execution e where e.parent_id_ is null and e.proc_def_key_ = "
                    + "'membershipRequest' and not exists (select 1 from membership_request r where r.id = e.business_key_)")).isZero();
            assertThat(db.count("select count(*) from vote v where not exists (select 1 from act_hi_taskinst t where "
                    + "t.task_def_key_ = 'Task_Vote' and t.assignee_ = v.reviewer and t.end_time_ is not null and "
                    + "t.proc_inst_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ = v.request_id))")).isZero();
            assertThat(db.count("select count(*) from act_ru_incident")).isZero();

            // the audit chain verifies, and the restarted node carries on
            Http.Response audit = http.get(second, "admin", "/api/audit/verify");
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            assertThat(audit.json().path("ok").asBoolean()).as(audit.toString()).isTrue();
            List<String> inReview = new ArrayList<>();
            db.rows("select id from membership_request where status = 'IN_REVIEW'").forEach(r -> inReview.add((String) r.get(0)));
            if (!inReview.isEmpty()) {
                String id = inReview.get(0);
                for (String reviewer : REVIEWERS) {
                    http.post(second, reviewer, "/api/requests/" + id + "/votes", Map.of("vote", "APPROVE"));
                }
                await("the restarted node to close a window", Duration.ofSeconds(60),
                        () -> ClusterScenario.status(http, second, id).equals("AWAITING_DECISION"));
            }
        }
    }
}
