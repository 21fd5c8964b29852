package org.vouchsafe.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row of {@code audit_head}: the last sequence number and hash of the chain.
 * Appenders lock it with a pessimistic write lock ({@code select ... for update}), which
 * serialises appends on H2 and PostgreSQL alike, so two transactions can never both extend
 * the same predecessor and fork the chain. The verifier compares the chain's end against it,
 * which detects a cut-off tail.
 */
@Entity
@Table(name = "audit_head")
class AuditHead {

    static final int SINGLETON_ID = 1;

    /** The {@code prev_hash} of the first event: 64 zeros, as written by migration V30. */
    static final String GENESIS_HASH = "0".repeat(64);

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
        // for JPA
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("audit head at " + lastSeq + " cannot advance to " + seq);
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
