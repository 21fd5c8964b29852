package org.vouchsafe.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.cluster.ClusterScenario.approveToQuorum;
import static org.vouchsafe.cluster.ClusterScenario.await;
import static org.vouchsafe.cluster.ClusterScenario.file;
import static org.vouchsafe.cluster.ClusterScenario.status;

/**
 * Two application nodes (separate JVMs, different ports) on one PostgreSQL database, started
 * at the same moment (on a database with Camunda's schema created beforehand, as
 * docs/operations.md asks for several nodes): they agree on one deployment, share requests, votes
 * and timer jobs, and a node killed while it holds a job's lock is covered by the other once
 * the lock expires, with nothing lost and nothing done twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TwoNodesIT {

    /** Short enough that the test waits little, long enough that a node holding it is visible. */
    static final long LOCK_MILLIS = 8_000;

    ClusterDatabase db;
    Path holdFile;
    Node a;
    Node b;
    final Http http = new Http(4);

    @BeforeAll
    void startBothNodesAtOnce() throws Exception {
        db = ClusterDatabase.emptied().withCamundaSchema();
        holdFile = Files.createTempFile("vouchsafe-hold", ".txt"); // exists: the fault injection is disarmed
        Map<String, String> properties = Map.of(
                "vouchsafe.review.objection-window", "PT2S",
                "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS));
        Map<String, String> jvm = Map.of("vouchsafe.fault.hold-file", holdFile.toString());
        a = Node.start("node-a", db, properties, jvm);
        b = Node.start("node-b", db, properties, jvm);
        a.awaitHealthy(Duration.ofSeconds(150));
        b.awaitHealthy(Duration.ofSeconds(150));
    }

    @AfterAll
    void stopNodes() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (holdFile != null) {
            Files.deleteIfExists(holdFile);
        }
    }

    @Test
    @Order(1)
    void shouldHaveOneProcessDefinitionVersionAfterBothNodesDeployed() {
        assertThat(db.count("select count(*) from act_re_procdef where key_ = 'membershipRequest'")).isEqualTo(1);
        assertThat(db.count("select count(*) from act_re_decision_def where key_ = 'prescreen'")).isEqualTo(1);
        for (Node node : List.of(a, b)) {
            Http.Response definitions = http.get(node, "admin", "/engine-rest/process-definition/count?key=membershipRequest");
            assertThat(definitions.status()).as(definitions.toString()).isEqualTo(200);
            assertThat(definitions.json().path("count").asInt()).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from flyway_schema_history where success = false")).isZero();
    }

    @Test
    @Order(2)
    void shouldVoteThroughNodeBOnARequestFiledOnNodeA() throws Exception {
        // given a request filed on node A
        String id = file(http, a);
        assertThat(status(http, b, id)).isEqualTo("IN_REVIEW");

        // when three reviewers vote through node B
        approveToQuorum(http, b, id);

        // then node A sees the quorum, the timer closes the window on either node, and B takes the decision
        assertThat(status(http, a, id)).isIn("OBJECTION_WINDOW", "AWAITING_DECISION");
        await("AWAITING_DECISION", Duration.ofSeconds(60), () -> status(http, a, id).equals("AWAITING_DECISION"));
        // (the requester proved nothing in this scenario: nobody would be subscribed, so the admin records exceptions)
        Http.Response decided = http.post(b, "admin", "/api/requests/" + id + "/decision",
                org.vouchsafe.support.Proofs.approvalExcepting("Meets the criteria.", "ann@example.org"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(status(http, a, id)).isEqualTo("APPROVED");
        assertThat(http.get(a, "admin", "/api/requests/" + id).json().path("decision").path("outcome").asText())
                .isEqualTo("APPROVED");
        assertThat(decided.json().path("exceptions")).hasSize(3);
        assertThat(db.count("select count(*) from vote where request_id = ?", id)).isEqualTo(3);
    }

    @Test
    @Order(3)
    void shouldRunTimerJobsOnEitherNodeExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        // Which node acquires a due timer is up to the nodes; file batches until both have run some (bounded).
        for (int batch = 0; batch < 5 && hosts.size() < 2; batch++) {
            List<String> filed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Node filer = i % 2 == 0 ? a : b;
                String id = file(http, filer);
                approveToQuorum(http, filer == a ? b : a, id);
                filed.add(id);
            }
            for (String id : filed) {
                await(id + " AWAITING_DECISION", Duration.ofSeconds(60), () -> status(http, a, id).equals("AWAITING_DECISION"));
            }
            ids.addAll(filed);
            db.rows("select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'")
                    .forEach(row -> hosts.add((String) row.get(0)));
        }
        assertThat(hosts).as("hosts that ran timer jobs").containsExactlyInAnyOrder("node-a", "node-b");
        for (String id : ids) {
            String pi = processInstance(id);
            assertThat(db.count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_AdminDecision'", pi))
                    .as("decision tasks of %s", id).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
                + "group by job_id_ having count(*) > 1) twice")).as("jobs that succeeded twice").isZero();
        assertThat(db.count("select count(*) from act_ru_incident")).isZero();
    }

    @Test
    @Order(4)
    void shouldCoverAJobWhoseNodeWasKilledWhileHoldingItsLock() throws Exception {
        // given the fault injection armed: the first node to fire an objection-window timer holds its lock
        Files.delete(holdFile);
        String id = file(http, a);
        approveToQuorum(http, b, id);
        String pi = processInstance(id);
        await("a node to hold the timer job", Duration.ofSeconds(30), () -> Files.exists(holdFile) && size(holdFile) > 0);
        String holderName = Files.readString(holdFile).split(" ")[0];
        Node holder = holderName.equals("node-a") ? a : b;
        Node survivor = holder == a ? b : a;
        List<List<Object>> lock = db.rows("select id_, lock_owner_, lock_exp_time_ from act_ru_job where process_instance_id_ = ?", pi);
        assertThat(lock).hasSize(1);
        String jobId = (String) lock.get(0).get(0);
        Timestamp lockExpires = (Timestamp) lock.get(0).get(2);
        assertThat(lock.get(0).get(1)).as("lock owner").isNotNull();
        assertThat(lockExpires).as("lock expiry").isNotNull();

        // when the holder is killed (SIGKILL) while it holds the lock
        holder.kill();

        // then the other node runs the job once the lock has expired, exactly once
        await("the survivor to close the window", Duration.ofSeconds(60),
                () -> status(http, survivor, id).equals("AWAITING_DECISION"));
        List<List<Object>> done = db.rows("select hostname_, timestamp_ from act_hi_job_log where job_id_ = ? and job_state_ = 2", jobId);
        assertThat(done).as("successful runs of the held job").hasSize(1);
        assertThat(done.get(0).get(0)).isEqualTo(survivor.name);
        assertThat(((Timestamp) done.get(0).get(1)).toInstant()).isAfterOrEqualTo(lockExpires.toInstant());
        assertThat(db.count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_AdminDecision'", pi))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from act_ru_task where proc_inst_id_ = ?", pi)).isEqualTo(1);
        assertThat(db.count("select count(*) from act_ru_job where process_instance_id_ = ?", pi)).isZero();
        assertThat(db.count("select count(*) from act_ru_incident")).isZero();
        Http.Response audit = http.get(survivor, "admin", "/api/audit/verify");
        assertThat(audit.json().path("ok").asBoolean()).as(audit.toString()).isTrue();

        // and the survivor still takes the decision
        Http.Response decided = http.post(survivor, "admin", "/api/requests/" + id + "/decision",
                Map.of("outcome", "REJECTED", "reason", "Test of the cluster."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private String processInstance(String requestId) {
        // the business key is the request id (membership_request.process_instance_id is not filled in)
        // the challenge and vouching processes share the business key: pick the membership process
        List<List<Object>> rows = db.rows("select id_ from act_hi_procinst where business_key_ = ? "
                + "and proc_def_key_ = 'membershipRequest'", requestId);
        assertThat(rows).hasSize(1);
        return (String) rows.get(0).get(0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
