package org.vouchsafe.accountability;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One accountability request against a member distro for a role it holds, with the distro's
 * answer and the admin's closure. Its status changes only here, called by the process's steps.
 */
@Entity
@Table(name = "accountability_item")
public class AccountabilityItem {

    @Id
    private String id;

    @Column(name = "distro_id", nullable = false)
    private String distroId;

    @Column(nullable = false)
    private String distro;

    @Column(name = "role_id", nullable = false)
    private String roleId;

    @Column(nullable = false)
    private String what;

    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountabilityStatus status;

    @Column(name = "raised_by", nullable = false)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "answer_due", nullable = false)
    private Instant answerDue;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    private String explanation;

    private String correction;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    private ClosingOutcome outcome;

    private String note;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected AccountabilityItem() {
    }

    AccountabilityItem(String distroId, String distro, String roleId, String what, String reference, String raisedBy,
                       Instant raisedAt, Instant answerDue) {
        this.id = UUID.randomUUID().toString();
        this.distroId = distroId;
        this.distro = distro;
        this.roleId = roleId;
        this.what = what;
        this.reference = reference;
        this.status = AccountabilityStatus.OPEN;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.answerDue = answerDue;
    }

    void answer(String explanation, String correction, String by, Instant at) {
        this.explanation = explanation;
        this.correction = correction;
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = AccountabilityStatus.ANSWERED;
    }

    void remind(Instant at) {
        this.remindedAt = at;
    }

    void escalate(Instant at) {
        this.escalatedAt = at;
        this.status = AccountabilityStatus.ESCALATED;
    }

    void close(ClosingOutcome outcome, String note, String by, Instant at) {
        this.outcome = outcome;
        this.note = note;
        this.closedBy = by;
        this.closedAt = at;
        this.status = AccountabilityStatus.CLOSED;
    }

    public String getId() { return id; }
    public String getDistroId() { return distroId; }
    public String getDistro() { return distro; }
    public String getRoleId() { return roleId; }
    public String getWhat() { return what; }
    public String getReference() { return reference; }
    public AccountabilityStatus getStatus() { return status; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getAnswerDue() { return answerDue; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getExplanation() { return explanation; }
    public String getCorrection() { return correction; }
    public String getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public ClosingOutcome getOutcome() { return outcome; }
    public String getNote() { return note; }
    public String getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
}
