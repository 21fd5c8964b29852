package org.vouchsafe.membership;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The list admin's exception for one person and one criterion (6, 8 or 9) the person has not
 * proved themselves: with it, an approval subscribes them anyway, and everyone can see why. It is
 * stored with the request when the admin decides and tied to the decision that takes it.
 */
@Entity
@Table(name = "admission_exception")
public class AdmissionException {

    @Id
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "decision_id")
    private String decisionId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private int criterion;

    @Column(nullable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AdmissionException() {
    }

    public AdmissionException(String requestId, String email, int criterion, String reason, String recordedBy,
                              Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.email = email;
        this.criterion = criterion;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public String getDecisionId() { return decisionId; }
    /** The person's address, in lower case. */
    public String getEmail() { return email; }
    public int getCriterion() { return criterion; }
    public String getReason() { return reason; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }

    void takenBy(String decisionId) {
        this.decisionId = decisionId;
    }
}
