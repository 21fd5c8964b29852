package org.vouchsafe.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of {@code audit_event}. {@link Immutable} and the absence of setters mean Hibernate
 * never issues an UPDATE for it; the only write is the INSERT in {@link AuditLog#record}.
 */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEventEntity {

    @Id
    @Column(name = "id", length = 36, updatable = false)
    private String id;

    @Column(name = "seq", nullable = false, unique = true, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "summary", nullable = false, updatable = false)
    private String summary;

    @Column(name = "details", nullable = false, updatable = false)
    private String details;

    @Column(name = "public_to_applicant", nullable = false, updatable = false)
    private boolean publicToApplicant;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(name = "hash", nullable = false, updatable = false)
    private String hash;

    protected AuditEventEntity() {
        // for JPA
    }

    AuditEventEntity(String id, long seq, Instant occurredAt, String actor, AuditAction action, String requestId,
            String summary, String details, boolean publicToApplicant, String prevHash, String hash) {
        this.id = id;
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.requestId = requestId;
        this.summary = summary;
        this.details = details;
        this.publicToApplicant = publicToApplicant;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    String id() {
        return id;
    }

    long seq() {
        return seq;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    AuditAction action() {
        return action;
    }

    String requestId() {
        return requestId;
    }

    String summary() {
        return summary;
    }

    String details() {
        return details;
    }

    boolean publicToApplicant() {
        return publicToApplicant;
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }
}
