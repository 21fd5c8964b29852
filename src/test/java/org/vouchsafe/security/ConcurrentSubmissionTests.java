package org.vouchsafe.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.review.ReviewWorkflow;
import org.vouchsafe.review.VoteInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Double submits and simultaneous votes, the way Camunda tests competing transactions: two
 * callers are released at the same instant by a barrier and hit the REST API together. Each
 * case runs a few times on fresh requests, because one run may happen not to interleave.
 */
@VouchsafeTest
class ConcurrentSubmissionTests {

    private static final int RUNS = 3;

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    ReviewWorkflow reviewWorkflow;

    Http http;
    Requests requests;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        requests = new Requests(http);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCountTwoReviewersVotingAtTheSameMomentOnceEach() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            // given
            String id = requests.inReview();

            // when
            List<Http.Response> responses = atOnce(
                    () -> vote(id, "reviewer1"),
                    () -> vote(id, "reviewer2"));

            // then
            assertThat(responses).extracting(Http.Response::status).as(responses.toString()).containsExactly(201, 201);
            assertThat(responses.toString()).doesNotContainIgnoringCase("optimistic").doesNotContain("Exception");
            JsonNode request = http.call("GET", "/api/requests/" + id).as("admin").send().json();
            assertThat(request.path("votes").path("approve").asInt()).isEqualTo(2);
            assertThat(request.path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(auditActions(id, "VOTE_CAST", "reviewer1")).isEqualTo(1);
            assertThat(auditActions(id, "VOTE_CAST", "reviewer2")).isEqualTo(1);
        }
    }

    @Test
    void shouldTakeOneOfTwoIdenticalVotesAndRefuseTheOtherWith409() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            // given
            String id = requests.inReview();

            // when
            List<Http.Response> responses = atOnce(
                    () -> vote(id, "reviewer1"),
                    () -> vote(id, "reviewer1"));

            // then
            assertThat(responses).extracting(Http.Response::status).as(responses.toString())
                    .containsExactlyInAnyOrder(201, 409);
            Http.Response refused = responses.get(0).status() == 409 ? responses.get(0) : responses.get(1);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContainIgnoringCase("optimistic").doesNotContain("Exception");
            assertThat(http.call("GET", "/api/requests/" + id).as("admin").send().json().path("votes").path("approve")
                    .asInt()).isEqualTo(1);
            assertThat(auditActions(id, "VOTE_CAST", "reviewer1")).isEqualTo(1);
        }
    }

    @Test
    void shouldRecordOneOfTwoIdenticalDecisionsAndRefuseTheOtherWith409() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            // given
            String id = requests.awaitingDecision();
            String decision = Http.json(Map.of("outcome", "REJECTED", "reason", "Not enough track record."));

            // when
            List<Http.Response> responses = atOnce(
                    () -> http.call("POST", "/api/requests/" + id + "/decision").as("admin").json(decision).send(),
                    () -> http.call("POST", "/api/requests/" + id + "/decision").as("admin").json(decision).send());

            // then
            assertThat(responses).extracting(Http.Response::status).as(responses.toString())
                    .containsExactlyInAnyOrder(200, 409);
            Http.Response refused = responses.get(0).status() == 409 ? responses.get(0) : responses.get(1);
            assertThat(refused.body()).doesNotContainIgnoringCase("optimistic").doesNotContain("Exception");
            assertThat(requests.status(id)).isEqualTo("REJECTED");
            assertThat(auditActions(id, "DECISION_RECORDED", "admin")).isEqualTo(1);
        }
    }

    /**
     * The vote that closes the round deletes the other reviewers' vote tasks; the vote racing it
     * finds its task gone. The user gets a clean 409, and the log has no ERROR line for it (the
     * engine's ENGINE-16004 "task is null" with a stack trace used to be one per race).
     */
    @Test
    void shouldLeaveNoErrorLineWhenTwoVotesRaceToCloseTheRound() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (int run = 0; run < RUNS; run++) {
                // given a round one approval short of its quorum (3)
                String id = requests.inReview();
                assertThat(vote(id, "reviewer1").status()).isEqualTo(201);
                assertThat(vote(id, "reviewer2").status()).isEqualTo(201);

                // when two more reviewers vote at the same moment
                List<Http.Response> responses = atOnce(
                        () -> vote(id, "reviewer3"),
                        () -> vote(id, "reviewer4"));

                // then one vote closes the round and the other is refused cleanly
                assertThat(responses).extracting(Http.Response::status).as(responses.toString())
                        .containsExactlyInAnyOrder(201, 409);
                Http.Response refused = responses.get(0).status() == 409 ? responses.get(0) : responses.get(1);
                assertThat(refused.body()).doesNotContain("Exception", "is null");
            }
        } finally {
            root.detachAppender(log);
        }
        // Request threads only: jobs of other tests' requests may log on the executor's threads meanwhile.
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR && e.getThreadName().startsWith("http-nio"))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    /**
     * The same race played step by step, as Camunda's CompetingJoinTest does, because two real
     * requests need not interleave: reviewer4's vote found its task, then reviewer3's vote closed
     * the round (deleting it) before reviewer4's completion ran. That completion is refused as a
     * concurrent update (a 409 for the user), and Camunda's "task is null" leaves no ERROR line.
     */
    @Test
    void shouldLeaveNoErrorLineForTheVoteThatFindsItsTaskGone() {
        // given reviewer4's task, found while the round was open
        String id = requests.inReview();
        requests.vote(id, "reviewer1", "APPROVE", null);
        requests.vote(id, "reviewer2", "APPROVE", null);
        String reviewer4sTask = requests.voteTask(tasks, id, "reviewer4");
        // and reviewer3's vote, which closes the round
        requests.vote(id, "reviewer3", "APPROVE", null);

        Logger engine = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        engine.addAppender(log);
        try {
            // when reviewer4's completion runs after all
            assertThatThrownBy(() -> reviewWorkflow.completeVoteTask(reviewer4sTask, "reviewer4",
                    new VoteInput("APPROVE", "Late.", null)))
                    .isInstanceOf(ConcurrentUpdateException.class);
        } finally {
            engine.detachAppender(log);
        }

        // then
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private Http.Response vote(String id, String reviewer) {
        return http.call("POST", "/api/requests/" + id + "/votes").as(reviewer)
                .json(Http.json(Map.of("vote", "APPROVE", "comment", "Fine by me."))).send();
    }

    /** Runs both calls released together by a barrier and returns their responses in order. */
    @SafeVarargs
    private List<Http.Response> atOnce(Supplier<Http.Response>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (Supplier<Http.Response> call : calls) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.get();
            }));
        }
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            responses.add(future.get(90, TimeUnit.SECONDS));
        }
        return responses;
    }

    private int auditActions(String id, String action, String actor) {
        Http.Response audit = http.call("GET", "/api/audit?request=" + id).as("admin").send();
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        int count = 0;
        for (JsonNode event : audit.json()) {
            if (event.path("action").asText().equals(action) && event.path("actor").asText().equals(actor)) {
                count++;
            }
        }
        return count;
    }
}
