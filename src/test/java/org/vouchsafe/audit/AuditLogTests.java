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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log against a real database (H2, schema from the Flyway migrations), without Camunda.
 * Most tests run in a transaction that is rolled back; the ones about commits and concurrency
 * manage their own transactions.
 */
@DataJpaTest(showSql = false, properties = AuditLogTests.DATABASE)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AuditLog.class, RequestFilers.class})
class AuditLogTests {

    // LOCK_TIMEOUT: appenders queue on the audit_head row lock; H2's default (1 s) is short on a busy machine.
    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";

    @Autowired
    AuditLog auditLog;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldVerifyAChainOfManyEventsReadBackFromTheDatabase() {
        // given
        long before = auditLog.verify().eventsChecked();
        for (int i = 0; i < 120; i++) {
            auditLog.record("reviewer" + (i % 5), AuditAction.VOTE_CAST, "req-" + (i % 7), "vote " + i,
                    Map.of("vote", i % 2 == 0 ? "ACCEPT" : "REJECT", "round", "1", "comment", "ünïcode \"quoted\""),
                    i % 3 == 0);
        }
        entityManager.flush();
        entityManager.clear();

        // when
        AuditVerification verification = auditLog.verify();

        // then
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(before + 120);
        assertThat(verification.headSeq()).isEqualTo(before + 120);
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void shouldAssignConsecutiveSeqsAndLinkEachEventToItsPredecessor() {
        AuditEvent first = auditLog.record("alice", AuditAction.REQUEST_FILED, "req-1", "filed", Map.of(), true);
        AuditEvent second = auditLog.record("bob", AuditAction.VOTE_CAST, "req-1", "voted", Map.of("vote", "ACCEPT"), false);
        entityManager.flush();

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        String firstHash = jdbc.queryForObject("select hash from audit_event where seq = ?", String.class, first.seq());
        String secondPrev = jdbc.queryForObject("select prev_hash from audit_event where seq = ?", String.class, second.seq());
        assertThat(secondPrev).isEqualTo(firstHash).hasSize(64);
    }

    @Test
    void shouldStoreDetailsAsCanonicalJsonWithSortedKeys() {
        AuditEvent event = auditLog.record("admin", AuditAction.THRESHOLD_CONFIGURED, null, "quorum changed",
                Map.of("to", "4", "from", "3", "name", "quorum"), false);
        entityManager.flush();

        String stored = jdbc.queryForObject("select details from audit_event where seq = ?", String.class, event.seq());
        assertThat(stored).isEqualTo("{\"from\":\"3\",\"name\":\"quorum\",\"to\":\"4\"}");
        assertThat(event.requestId()).isNull();
        assertThat(event.details()).containsExactly(Map.entry("from", "3"), Map.entry("name", "quorum"), Map.entry("to", "4"));
    }

    @Test
    void shouldFindAnEditedSummaryAndNameItsSeq() {
        // given
        List<AuditEvent> written = recordSome(10);
        entityManager.flush();
        long tampered = written.get(4).seq();

        // when
        jdbc.update("update audit_event set summary = ? where seq = ?", "nothing to see here", tampered);
        entityManager.clear();
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
        List<AuditEvent> written = recordSome(3);
        entityManager.flush();
        long tampered = written.get(1).seq();

        jdbc.update("update audit_event set public_to_applicant = not public_to_applicant where seq = ?", tampered);
        entityManager.clear();

        AuditVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.HASH_MISMATCH);
    }

    @Test
    void shouldFindARewrittenRowWhoseOwnHashWasRecomputed() {
        // An editor who recomputes the edited row's hash still breaks the next row's link.
        List<AuditEvent> written = recordSome(5);
        entityManager.flush();
        long tampered = written.get(2).seq();
        ChainLink original = entityManager.getEntityManager().createQuery(
                "select new org.vouchsafe.audit.ChainLink(e.seq, e.id, e.occurredAt, e.actor, e.action, e.requestId,"
                        + " e.summary, e.details, e.publicToApplicant, e.prevHash, e.hash)"
                        + " from AuditEventEntity e where e.seq = :seq", ChainLink.class)
                .setParameter("seq", tampered).getSingleResult();
        String forgedHash = ChainHash.of(original.seq(), original.id(), original.occurredAt(), "mallory",
                original.action().name(), original.requestId(), original.summary(), original.details(),
                original.publicToApplicant(), original.prevHash());

        jdbc.update("update audit_event set actor = ?, hash = ? where seq = ?", "mallory", forgedHash, tampered);
        entityManager.clear();

        AuditVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered + 1);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.PREV_LINK_MISMATCH);
    }

    @Test
    void shouldFindADeletedMiddleEventAsAGap() {
        List<AuditEvent> written = recordSome(6);
        entityManager.flush();
        long deleted = written.get(3).seq();

        jdbc.update("delete from audit_event where seq = ?", deleted);
        entityManager.clear();

        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(deleted);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.SEQ_GAP);
    }

    @Test
    void shouldFindACutOffTail() {
        List<AuditEvent> written = recordSome(4);
        entityManager.flush();
        long last = written.get(3).seq();

        jdbc.update("delete from audit_event where seq = ?", last);
        entityManager.clear();

        AuditVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(last);
        assertThat(verification.reason()).isEqualTo(AuditVerification.Break.HEAD_MISMATCH);
    }

    @Test
    void shouldReturnTheEventsOfOneRequestInOrder() {
        auditLog.record("carol", AuditAction.REQUEST_FILED, "req-own", "filed", Map.of(), true);
        auditLog.record("dave", AuditAction.VOTE_CAST, "req-other", "voted", Map.of(), false);
        auditLog.record("dave", AuditAction.VOTE_CAST, "req-own", "voted", Map.of("vote", "ACCEPT"), false);
        entityManager.flush();
        entityManager.clear();

        List<AuditEvent> events = auditLog.eventsOf("req-own");

        assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.REQUEST_FILED, AuditAction.VOTE_CAST);
        assertThat(events).extracting(AuditEvent::publicToApplicant).containsExactly(true, false);
        assertThat(events.get(1).details()).containsEntry("vote", "ACCEPT");
        assertThat(events.get(0).seq()).isLessThan(events.get(1).seq());
    }

    @Test
    void shouldRejectBlankActorsAndNullDetailValues() {
        assertThatThrownBy(() -> auditLog.record(" ", AuditAction.VOTE_CAST, "r", "s", Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> auditLog.record("a", AuditAction.VOTE_CAST, "r", "s", withNull, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void shouldRefuseToRecordOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.record("alice", AuditAction.REQUEST_FILED, "req-1", "filed", Map.of(), true))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void shouldRollBackTheEventWithTheChangeItRecords() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long before = tx.execute(status -> auditLog.verify().headSeq());

        tx.executeWithoutResult(status -> {
            auditLog.record("alice", AuditAction.REQUEST_FILED, "req-rolled-back", "filed", Map.of(), true);
            status.setRollbackOnly();
        });
        AuditEvent next = tx.execute(status ->
                auditLog.record("alice", AuditAction.REQUEST_FILED, "req-committed", "filed", Map.of(), true));

        assertThat(jdbc.queryForObject("select count(*) from audit_event where request_id = 'req-rolled-back'", Long.class))
                .isZero();
        assertThat(next.seq()).isEqualTo(before + 1);
        AuditVerification verification = tx.execute(status -> auditLog.verify());
        assertThat(verification.ok()).as(verification.detail()).isTrue();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void shouldKeepASingleChainWhenManyTransactionsAppendAtOnce() throws Exception {
        // given
        int threads = 8;
        int perThread = 25;
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long before = tx.execute(status -> auditLog.verify().headSeq());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();

        // when
        try {
            for (int t = 0; t < threads; t++) {
                String actor = "thread-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        seqs.add(tx.execute(status -> auditLog.record(actor, AuditAction.VOUCH_RECORDED,
                                "req-concurrent", "vouch " + n, Map.of("n", Integer.toString(n)), false).seq()));
                    }
                    return seqs;
                }));
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }

        // then
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            List<Long> seqs = result.get();
            assertThat(seqs).isSorted();
            all.addAll(seqs);
        }
        Collections.sort(all);
        List<Long> expected = new ArrayList<>();
        for (long seq = before + 1; seq <= before + threads * perThread; seq++) {
            expected.add(seq);
        }
        assertThat(all).isEqualTo(expected);
        AuditVerification verification = tx.execute(status -> auditLog.verify());
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.headSeq()).isEqualTo(before + threads * perThread);
        assertThat(jdbc.queryForObject("select count(distinct prev_hash) from audit_event where request_id = 'req-concurrent'",
                Long.class)).isEqualTo(threads * perThread);
    }

    private List<AuditEvent> recordSome(int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(auditLog.record("admin", AuditAction.ADMIN_OVERRIDE, "req-t", "override " + i,
                    Map.of("i", Integer.toString(i)), false));
        }
        return events;
    }
}
