package org.vouchsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log against a real database (H2, schema from the Flyway migrations), without Camunda.
 * Events are appended when their transaction commits, so each test commits its own
 * transactions instead of running in one that is rolled back.
 */
@DataJpaTest(showSql = false, properties = AuditLogTests.DATABASE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AuditLog.class, RequestFilers.class})
class AuditLogTests {

    // LOCK_TIMEOUT: appenders queue on the audit_head row lock; H2's default (1 s) is short on a busy machine.
    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @PersistenceContext
    EntityManager entityManager;

    TransactionTemplate tx;

    @BeforeEach
    void startFromAnEmptyChain() {
        // The tamper tests commit broken chains; every test starts from the genesis head.
        tx = new TransactionTemplate(transactionManager);
        jdbc.update("delete from audit_event");
        jdbc.update("update audit_head set last_seq = 0, last_hash = ? where id = 1", AuditHead.GENESIS_HASH);
    }

    @Test
    void shouldVerifyAChainOfManyEventsReadBackFromTheDatabase() {
        // given
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 120; i++) {
                auditLog.record("reviewer" + (i % 5), AuditAction.VOTE_CAST, "req-" + (i % 7), "vote " + i,
                        Map.of("vote", i % 2 == 0 ? "ACCEPT" : "REJECT", "round", "1", "comment", "ünïcode \"quoted\""),
                        i % 3 == 0);
            }
        });

        // when
        AuditVerification verification = auditLog.verify();

        // then
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(120);
        assertThat(verification.headSeq()).isEqualTo(120);
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void shouldAssignConsecutiveSeqsInTheOrderOfRecordingAndLinkEachEventToItsPredecessor() {
        tx.executeWithoutResult(status -> {
            auditLog.record("alice", AuditAction.REQUEST_FILED, "req-1", "filed", Map.of(), true);
            auditLog.record("bob", AuditAction.VOTE_CAST, "req-1", "voted", Map.of("vote", "ACCEPT"), false);
        });

        assertThat(jdbc.queryForList("select actor from audit_event order by seq", String.class))
                .containsExactly("alice", "bob");
        String firstHash = jdbc.queryForObject("select hash from audit_event where seq = 1", String.class);
        String secondPrev = jdbc.queryForObject("select prev_hash from audit_event where seq = 2", String.class);
        assertThat(secondPrev).isEqualTo(firstHash).hasSize(64);
    }

    @Test
    void shouldNotTakeTheHeadLockBeforeTheTransactionCommits() throws Exception {
        // A long transaction that has recorded an event must not hold up other writers of the log.
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> tx.executeWithoutResult(status -> {
                auditLog.record("slow", AuditAction.REQUEST_FILED, "req-slow", "filed", Map.of(), true);
                recorded.countDown();
                await(otherCommitted);
            }));
            await(recorded);

            // when another transaction appends while the first is still open
            tx.executeWithoutResult(status ->
                    auditLog.record("quick", AuditAction.VOTE_CAST, "req-quick", "voted", Map.of(), false));
            otherCommitted.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            otherCommitted.countDown();
            pool.shutdownNow();
        }

        // then the quick one went first, and both are in one intact chain
        assertThat(jdbc.queryForList("select actor from audit_event order by seq", String.class))
                .containsExactly("quick", "slow");
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void shouldStoreDetailsAsCanonicalJsonWithSortedKeys() {
        tx.executeWithoutResult(status -> auditLog.record("admin", AuditAction.THRESHOLD_CONFIGURED, null,
                "quorum changed", Map.of("to", "4", "from", "3", "name", "quorum"), false));

        String stored = jdbc.queryForObject("select details from audit_event where seq = 1", String.class);
        assertThat(stored).isEqualTo("{\"from\":\"3\",\"name\":\"quorum\",\"to\":\"4\"}");
        assertThat(jdbc.queryForObject("select request_id from audit_event where seq = 1", String.class)).isNull();
    }

    @Test
    void shouldFindAnEditedSummaryAndNameItsSeq() {
        // given
        recordSome(10);
        long tampered = 5;

        // when
        jdbc.update("update audit_event set summary = ? where seq = ?", "nothing to see here", tampered);
        AuditVerification verification = auditLog.verify();

        // then
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.HASH_MISMATCH);
        assertThat(verification.detail()).contains(Long.toString(tampered));
        assertThat(verification.eventsChecked()).isEqualTo(tampered - 1);
    }

    @Test
    void shouldFindAFlippedVisibilityFlag() {
        recordSome(3);
        long tampered = 2;

        jdbc.update("update audit_event set public_to_applicant = not public_to_applicant where seq = ?", tampered);

        AuditVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.HASH_MISMATCH);
    }

    @Test
    void shouldFindARewrittenRowWhoseOwnHashWasRecomputed() {
        // An editor who recomputes the edited row's hash still breaks the next row's link.
        recordSome(5);
        long tampered = 3;
        ChainLink original = tx.execute(status -> entityManager.createQuery(
                "select new org.vouchsafe.audit.ChainLink(e.seq, e.id, e.occurredAt, e.actor, e.action, e.requestId,"
                        + " e.summary, e.details, e.publicToApplicant, e.prevHash, e.hash)"
                        + " from AuditEventEntity e where e.seq = :seq", ChainLink.class)
                .setParameter("seq", tampered).getSingleResult());
        String forgedHash = ChainHash.of(original.seq(), original.id(), original.occurredAt(), "mallory",
                original.action().name(), original.requestId(), original.summary(), original.details(),
                original.publicToApplicant(), original.prevHash());

        jdbc.update("update audit_event set actor = ?, hash = ? where seq = ?", "mallory", forgedHash, tampered);

        AuditVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered + 1);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.PREV_LINK_MISMATCH);
    }

    @Test
    void shouldFindADeletedMiddleEventAsAGap() {
        recordSome(6);
        long deleted = 4;

        jdbc.update("delete from audit_event where seq = ?", deleted);

        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(deleted);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.SEQ_GAP);
    }

    @Test
    void shouldFindACutOffTail() {
        recordSome(4);
        long last = 4;

        jdbc.update("delete from audit_event where seq = ?", last);

        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(last);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.HEAD_MISMATCH);
    }

    @Test
    void shouldReturnTheEventsOfOneRequestInOrder() {
        tx.executeWithoutResult(status -> {
            auditLog.record("carol", AuditAction.REQUEST_FILED, "req-own", "filed", Map.of(), true);
            auditLog.record("dave", AuditAction.VOTE_CAST, "req-other", "voted", Map.of(), false);
            auditLog.record("dave", AuditAction.VOTE_CAST, "req-own", "voted", Map.of("vote", "ACCEPT"), false);
        });

        List<AuditEvent> events = auditLog.eventsOf("req-own");

        assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.REQUEST_FILED, AuditAction.VOTE_CAST);
        assertThat(events).extracting(AuditEvent::publicToApplicant).containsExactly(true, false);
        assertThat(events.get(1).details()).containsEntry("vote", "ACCEPT");
        assertThat(events.get(0).seq()).isLessThan(events.get(1).seq());
    }

    @Test
    void shouldRejectBlankActorsAndNullDetailValuesWhenTheyAreRecorded() {
        tx.executeWithoutResult(status -> {
            assertThatThrownBy(() -> auditLog.record(" ", AuditAction.VOTE_CAST, "r", "s", Map.of(), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
            Map<String, String> withNull = new java.util.HashMap<>();
            withNull.put("k", null);
            assertThatThrownBy(() -> auditLog.record("a", AuditAction.VOTE_CAST, "r", "s", withNull, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
            status.setRollbackOnly(); // as any caller's transaction would be after the exception
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isZero();
    }

    @Test
    void shouldRefuseToRecordOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.record("alice", AuditAction.REQUEST_FILED, "req-1", "filed", Map.of(), true))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void shouldRollBackTheEventWithTheChangeItRecords() {
        tx.executeWithoutResult(status -> {
            auditLog.record("alice", AuditAction.REQUEST_FILED, "req-rolled-back", "filed", Map.of(), true);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status ->
                auditLog.record("alice", AuditAction.REQUEST_FILED, "req-committed", "filed", Map.of(), true));

        assertThat(jdbc.queryForObject("select count(*) from audit_event where request_id = 'req-rolled-back'", Long.class))
                .isZero();
        assertThat(auditLog.eventsOf("req-committed")).extracting(AuditEvent::seq).containsExactly(1L);
        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).as(verification.detail()).isTrue();
    }

    @Test
    void shouldKeepTheEventsOfAnInnerNewTransactionApartFromTheOuterOne() {
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);

        tx.executeWithoutResult(outer -> {
            auditLog.record("outer", AuditAction.REQUEST_FILED, "req-outer", "filed", Map.of(), true);
            inner.executeWithoutResult(status ->
                    auditLog.record("inner", AuditAction.VOTE_CAST, "req-inner", "voted", Map.of(), false));
            outer.setRollbackOnly();
        });

        // the inner transaction committed its event; the outer one rolled back with its own
        assertThat(jdbc.queryForList("select actor from audit_event order by seq", String.class)).containsExactly("inner");
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void shouldKeepASingleChainWhenManyTransactionsAppendAtOnce() throws Exception {
        // given
        int threads = 8;
        int perThread = 25;
        long before = auditLog.verify().headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();

        // when
        try {
            for (int t = 0; t < threads; t++) {
                String actor = "thread-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        tx.executeWithoutResult(status -> auditLog.record(actor, AuditAction.VOUCH_RECORDED,
                                "req-concurrent", "vouch " + n, Map.of("n", Integer.toString(n)), false));
                    }
                    // each thread's own events, in the order of their seqs: they must be in the order it wrote them
                    return jdbc.queryForList("select details from audit_event where actor = ? order by seq",
                            String.class, actor).stream().map(d -> Long.parseLong(d.replaceAll("\\D", ""))).toList();
                }));
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }

        // then every thread's events are in the chain in the order the thread committed them
        List<Long> inOrder = new ArrayList<>();
        for (long n = 0; n < perThread; n++) {
            inOrder.add(n);
        }
        for (Future<List<Long>> result : results) {
            assertThat(result.get()).isEqualTo(inOrder);
        }
        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.headSeq()).isEqualTo(before + threads * perThread);
        assertThat(jdbc.queryForObject("select count(distinct prev_hash) from audit_event where request_id = 'req-concurrent'",
                Long.class)).isEqualTo(threads * perThread);
    }

    /** Records {@code count} events in one committed transaction; on the empty chain they get seqs 1 to count. */
    private void recordSome(int count) {
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                auditLog.record("admin", AuditAction.ADMIN_OVERRIDE, "req-t", "override " + i,
                        Map.of("i", Integer.toString(i)), false);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
