package org.vouchsafe.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision by a list admin; deferrals add a row each time, so the history stays. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionOutcome outcome;

    private String reason;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    /** Requesters an approval left off the roster, each with the personal criteria (6, 8, 9) they had not proved, one per line. */
    @Column(name = "not_subscribed")
    private String notSubscribed;

    protected Decision() {
    }

    public Decision(String requestId, DecisionOutcome outcome, String reason, LocalDate effectiveDate, String decidedBy,
                    Instant decidedAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.outcome = outcome;
        this.reason = reason;
        this.effectiveDate = effectiveDate;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public DecisionOutcome getOutcome() { return outcome; }
    public String getReason() { return reason; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }

    /**
     * Requesters this approval did not subscribe, as "Name &lt;email&gt;: not proved: criterion 6 (...); 9 (...)";
     * empty otherwise.
     */
    public java.util.List<String> getNotSubscribed() {
        return notSubscribed == null || notSubscribed.isEmpty() ? java.util.List.of() : java.util.List.of(notSubscribed.split("\n"));
    }

    void noteNotSubscribed(java.util.List<String> people) {
        String text = String.join("\n", people);
        // The column holds 8,000 characters; a long list is cut rather than the approval failing.
        this.notSubscribed = people.isEmpty() ? null : text.length() <= 8000 ? text : text.substring(0, 7990) + "\n…";
    }
}
