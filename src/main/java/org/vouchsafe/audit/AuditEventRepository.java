package org.vouchsafe.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Read access to {@code audit_event}. It extends {@link Repository} rather than
 * {@code JpaRepository} on purpose: there is no save, update or delete method to call. Events
 * are inserted only by {@link AuditLog#record}.
 */
interface AuditEventRepository extends Repository<AuditEventEntity, String> {

    List<AuditEventEntity> findByRequestIdOrderBySeqAsc(String requestId);

    List<AuditEventEntity> findBySeqGreaterThanOrderBySeqAsc(long seq, Limit limit);

    /** The chain after {@code seq}, in order, as values (not managed entities). */
    @Query("""
            select new org.vouchsafe.audit.ChainLink(e.seq, e.id, e.occurredAt, e.actor, e.action, e.requestId,
                e.summary, e.details, e.publicToApplicant, e.prevHash, e.hash)
            from AuditEventEntity e where e.seq > :seq order by e.seq""")
    List<ChainLink> chainAfter(long seq, Limit limit);

    long count();
}
