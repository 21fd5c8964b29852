package org.vouchsafe.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tamper-evident audit log. Every feature that changes something worth auditing calls
 * {@link #record} inside its own transaction; the event is then committed or rolled back
 * together with the change it describes.
 *
 * <p>Each event carries a SHA-256 hash over its columns and its predecessor's hash, so that
 * editing, deleting or cutting off events is found by {@link #verify()}. Appends are
 * serialised through a pessimistic lock on the one-row {@code audit_head} table.
 *
 * <p>Why events are appended at commit and not when {@link #record} is called: the head lock
 * is held until the transaction ends, and some auditing transactions are long (a filing runs
 * the nine checks and opens a review round with one task per reviewer). Taking the lock at
 * the first {@code record} queued every other writer of the list behind that transaction and
 * emptied the connection pool under load (docs/performance.md, load run). So {@code record}
 * only validates and queues the event on the transaction; a {@code beforeCommit}
 * synchronisation locks the head, appends the queued events in the order they were recorded,
 * and the commit, a few milliseconds later, writes them and releases the lock. A rolled-back transaction appends nothing. {@code seq} is therefore the
 * commit order; {@code occurredAt} is when {@code record} was called.
 *
 * <p>There is deliberately no method that updates or deletes an event, and Camunda's history
 * cleanup does not know this table.
 */
@Service
public class AuditLog {

    static final int MAX_ACTOR = 100;
    static final int MAX_REQUEST_ID = 36;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_DETAILS = 20000;
    private static final int VERIFY_PAGE = 500;

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, ObjectProvider<Clock> clock) {
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Records an event: it is appended to the chain when the surrounding transaction commits,
     * and dropped if it rolls back.
     *
     * <p>{@code MANDATORY} propagation: the call fails with
     * {@link org.springframework.transaction.IllegalTransactionStateException} unless a
     * transaction is already active. That is the point: an audit event must never be committed
     * on its own while the change it records rolls back, nor the other way round. Invalid
     * arguments fail here, at the call, not at commit.
     *
     * @param actor who did it: a username, or {@code "system"} for timers and automated checks
     * @param action what was done
     * @param requestId the membership request concerned, or null for list-wide events
     * @param summary one human-readable sentence
     * @param details further facts as flat string pairs (stored as canonical JSON)
     * @param publicToApplicant whether the applicant of {@code requestId} may see this event
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditAction action, String requestId, String summary,
            Map<String, String> details, boolean publicToApplicant) {
        requireText("actor", actor, MAX_ACTOR);
        Objects.requireNonNull(action, "action");
        if (requestId != null) {
            requireText("requestId", requestId, MAX_REQUEST_ID);
        }
        requireText("summary", summary, MAX_SUMMARY);
        String canonicalDetails = CanonicalDetails.write(Objects.requireNonNull(details, "details"));
        if (canonicalDetails.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details exceed " + MAX_DETAILS + " characters");
        }
        // The database keeps microseconds; truncating first makes the hash reproducible from the row.
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        pendingOfThisTransaction().add(new Pending(UUID.randomUUID().toString(), occurredAt, actor, action,
                requestId, summary, canonicalDetails, publicToApplicant));
    }

    private List<Pending> pendingOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Only a transaction without synchronisation (never configured in this application) gets here.
            throw new IllegalStateException("audit events need transaction synchronisation to be appended at commit");
        }
        // Kept in the transaction's own synchronisation (not a bound resource): a REQUIRES_NEW
        // transaction suspends the outer one's synchronisations, so its events stay its own.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AppendAtCommit append && append.owner() == this) {
                return append.pending;
            }
        }
        AppendAtCommit append = new AppendAtCommit(new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(append);
        return append.pending;
    }

    /**
     * Appends the queued events under the head lock. Runs in {@code beforeCommit}, inside the
     * transaction, so a failure here (a lock timeout) rolls the whole transaction back.
     */
    private void append(List<Pending> pending) {
        // No explicit flush here, before or after: the commit flushes the transaction's changes and
        // these events together, and a conflict there (a stale optimistic version) keeps the type
        // Spring translates it to at commit, which callers and the problem handler rely on.
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head row is missing; migration V30 creates it");
        }
        for (Pending event : pending) {
            long seq = head.lastSeq() + 1;
            String hash = ChainHash.of(seq, event.id(), event.occurredAt(), event.actor(), event.action().name(),
                    event.requestId(), event.summary(), event.details(), event.publicToApplicant(), head.lastHash());
            entityManager.persist(new AuditEventEntity(event.id(), seq, event.occurredAt(), event.actor(),
                    event.action(), event.requestId(), event.summary(), event.details(), event.publicToApplicant(),
                    head.lastHash(), hash));
            head.advance(seq, hash);
        }
    }

    /** An event recorded in the current transaction and not yet appended. */
    private record Pending(String id, Instant occurredAt, String actor, AuditAction action, String requestId,
            String summary, String details, boolean publicToApplicant) {
    }

    private final class AppendAtCommit implements TransactionSynchronization {

        private final List<Pending> pending;

        AppendAtCommit(List<Pending> pending) {
            this.pending = pending;
        }

        AuditLog owner() {
            return AuditLog.this;
        }

        @Override
        public int getOrder() {
            // After every other beforeCommit callback, which might still record events.
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!pending.isEmpty()) {
                append(pending);
                pending.clear();
            }
        }
    }

    /** All events concerning one request, oldest first, public or not; callers filter for applicants. */
    @Transactional(readOnly = true)
    public List<AuditEvent> eventsOf(String requestId) {
        return events.findByRequestIdOrderBySeqAsc(requestId).stream().map(AuditLog::toEvent).toList();
    }

    /**
     * The events appended after {@code seq}, oldest first, at most {@code limit}: the whole log
     * (list-wide events included), read page by page from a head an admin kept.
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> eventsAfter(long seq, int limit) {
        return events.findBySeqGreaterThanOrderBySeqAsc(seq, Limit.of(limit)).stream().map(AuditLog::toEvent).toList();
    }

    /**
     * Recomputes the whole chain up to the head that is committed when the check starts (events
     * appended meanwhile are left for the next run) and names the first broken link.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.SINGLETON_ID);
        if (head == null) {
            throw new IllegalStateException("audit_head row is missing; migration V30 creates it");
        }
        // Read the head before the events: a committed head implies its events are committed.
        long headSeq = head.lastSeq();
        String headHash = head.lastHash();

        long expectedSeq = 1;
        String prevHash = AuditHead.GENESIS_HASH;
        long checked = 0;
        chain:
        while (expectedSeq <= headSeq) {
            List<ChainLink> page = events.chainAfter(expectedSeq - 1, Limit.of(VERIFY_PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (ChainLink event : page) {
                if (expectedSeq > headSeq) {
                    break chain;
                }
                if (event.seq() != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq, AuditVerification.Break.SEQ_GAP,
                            "event " + expectedSeq + " is missing; the next one present is " + event.seq(),
                            headSeq, headHash);
                }
                if (!event.prevHash().equals(prevHash)) {
                    return AuditVerification.broken(checked, event.seq(), AuditVerification.Break.PREV_LINK_MISMATCH,
                            "event " + event.seq() + " does not link to the hash of event " + (event.seq() - 1),
                            headSeq, headHash);
                }
                if (!event.recomputeHash().equals(event.hash())) {
                    return AuditVerification.broken(checked, event.seq(), AuditVerification.Break.HASH_MISMATCH,
                            "event " + event.seq() + " was changed after it was written", headSeq, headHash);
                }
                checked++;
                prevHash = event.hash();
                expectedSeq++;
            }
        }
        if (expectedSeq <= headSeq) {
            return AuditVerification.broken(checked, expectedSeq, AuditVerification.Break.HEAD_MISMATCH,
                    "the chain ends at event " + (expectedSeq - 1) + " but the head records event " + headSeq,
                    headSeq, headHash);
        }
        if (!prevHash.equals(headHash)) {
            return AuditVerification.broken(checked, headSeq, AuditVerification.Break.HEAD_MISMATCH,
                    "the last event's hash differs from the hash the head records", headSeq, headHash);
        }
        return AuditVerification.intact(checked, headSeq, headHash);
    }

    private static void requireText(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("audit " + name + " exceeds " + max + " characters");
        }
    }

    private static AuditEvent toEvent(AuditEventEntity e) {
        return new AuditEvent(e.seq(), e.id(), e.occurredAt(), e.actor(), e.action(), e.requestId(), e.summary(),
                CanonicalDetails.read(e.details()), e.publicToApplicant());
    }
}
