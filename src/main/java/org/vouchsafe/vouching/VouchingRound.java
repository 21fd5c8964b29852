package org.vouchsafe.vouching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The vouching of one request: when it opened, its deadline, and how it closed. */
@Entity
@Table(name = "vouching_round")
public class VouchingRound {

    /** How the round closed. */
    public enum Closure { ALL_VOUCHED, DEADLINE }

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "deadline_at", nullable = false)
    private Instant deadlineAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_because")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Closure closedBecause;

    protected VouchingRound() {
    }

    VouchingRound(String requestId, Instant openedAt, Instant deadlineAt) {
        this.requestId = requestId;
        this.openedAt = openedAt;
        this.deadlineAt = deadlineAt;
    }

    void close(Closure because, Instant at) {
        this.closedBecause = because;
        this.closedAt = at;
    }

    /** A list admin reopened vouching closed by its deadline: open again until {@code deadline}. */
    void reopen(Instant deadline) {
        this.deadlineAt = deadline;
        this.closedBecause = null;
        this.closedAt = null;
    }

    /** True once the deadline passed: no further vouch is taken. */
    public boolean deadlinePassed() {
        return closedBecause == Closure.DEADLINE;
    }

    public String getRequestId() { return requestId; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getDeadlineAt() { return deadlineAt; }
    public Instant getClosedAt() { return closedAt; }
    public Closure getClosedBecause() { return closedBecause; }
}
