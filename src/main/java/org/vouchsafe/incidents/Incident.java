package org.vouchsafe.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vouchsafe.problem.ConflictException;

/**
 * A leak incident reported by a member distro. It holds references only (a thread subject or id,
 * never embargoed details). Its transitions are package-private and called by {@link IncidentService}
 * alone, which is the one owner of the status.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    private String id;

    @Column(name = "list_id", nullable = false)
    private String list;

    @Column(name = "distro_id", nullable = false)
    private String distroId;

    @Column(nullable = false)
    private String reference;

    @Column(name = "initial_extent")
    private String initialExtent;

    @Column(name = "aware_at", nullable = false)
    private Instant awareAt;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "reported_by", nullable = false)
    private String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Column(name = "notice_confirmed_by")
    private String noticeConfirmedBy;

    @Column(name = "notice_late")
    private Boolean noticeLate;

    @Column(name = "report_due_at", nullable = false)
    private Instant reportDueAt;

    @Column(name = "report_reminder_at", nullable = false)
    private Instant reportReminderAt;

    @Column(name = "final_extent")
    private String finalExtent;

    private String measures;

    @Column(name = "report_submitted_at")
    private Instant reportSubmittedAt;

    @Column(name = "report_submitted_by")
    private String reportSubmittedBy;

    @Column(name = "reports_submitted", nullable = false)
    private int reportsSubmitted;

    @Column(name = "report_overdue_at")
    private Instant reportOverdueAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closure_note")
    private String closureNote;

    @Version
    private long version;

    protected Incident() {
    }

    Incident(String list, String distroId, String reference, String initialExtent, Instant awareAt, Instant reportedAt,
             String reportedBy, Duration reportWithin) {
        this.id = UUID.randomUUID().toString();
        this.list = list;
        this.distroId = distroId;
        this.reference = reference;
        this.initialExtent = initialExtent;
        this.awareAt = awareAt;
        this.reportedAt = reportedAt;
        this.reportedBy = reportedBy;
        this.status = IncidentStatus.AWAITING_NOTICE;
        setReportDeadline(reportedAt, reportWithin);
    }

    /** The deadline of the (next) final report, and the reminder halfway to it. */
    private void setReportDeadline(Instant from, Duration within) {
        this.reportDueAt = from.plus(within);
        this.reportReminderAt = from.plus(within.dividedBy(2));
        this.reportOverdueAt = null;
    }

    void noticeConfirmed(Instant at, String by, Duration notifyWithin) {
        require(IncidentStatus.AWAITING_NOTICE, "Notice of this incident is already confirmed.");
        this.notifiedAt = at;
        this.noticeConfirmedBy = by;
        this.noticeLate = Duration.between(awareAt, at).compareTo(notifyWithin) > 0;
        this.status = IncidentStatus.INVESTIGATING;
    }

    void reportSubmitted(String extent, String measures, Instant at, String by) {
        require(IncidentStatus.INVESTIGATING, status == IncidentStatus.AWAITING_NOTICE
                ? "Confirm first that you told the reporter and the list (POST /notified)."
                : "This incident is not waiting for a report.");
        this.finalExtent = extent;
        this.measures = measures;
        this.reportSubmittedAt = at;
        this.reportSubmittedBy = by;
        this.reportsSubmitted++;
        this.status = IncidentStatus.REPORT_SUBMITTED;
    }

    void reportOverdue(Instant at) {
        if (status == IncidentStatus.INVESTIGATING && reportOverdueAt == null) {
            this.reportOverdueAt = at;
        }
    }

    void moreAsked(Instant at, String by, String note, Duration reportWithin) {
        require(IncidentStatus.REPORT_SUBMITTED, "There is no report to ask more about.");
        this.closureNote = note;
        this.closedBy = by;
        this.status = IncidentStatus.INVESTIGATING;
        setReportDeadline(at, reportWithin);
    }

    void accepted(Instant at, String by, String note) {
        require(IncidentStatus.REPORT_SUBMITTED, "There is no report to accept yet.");
        close(IncidentStatus.ACCEPTED, at, by, note);
    }

    void escalated(Instant at, String by, String note) {
        if (!status.open()) {
            throw new ConflictException("This incident is closed (" + status + ").");
        }
        close(IncidentStatus.ESCALATED, at, by, note);
    }

    private void close(IncidentStatus outcome, Instant at, String by, String note) {
        this.status = outcome;
        this.closedAt = at;
        this.closedBy = by;
        this.closureNote = note;
    }

    private void require(IncidentStatus expected, String otherwise) {
        if (status != expected) {
            throw new ConflictException(otherwise + " (status " + status + ")");
        }
    }

    /** From awareness to notice; null while notice is not confirmed. */
    public Duration noticeClock() {
        return notifiedAt == null ? null : Duration.between(awareAt, notifiedAt);
    }

    public String getId() { return id; }
    public String getList() { return list; }
    public String getDistroId() { return distroId; }
    public String getReference() { return reference; }
    public String getInitialExtent() { return initialExtent; }
    public Instant getAwareAt() { return awareAt; }
    public Instant getReportedAt() { return reportedAt; }
    public String getReportedBy() { return reportedBy; }
    public IncidentStatus getStatus() { return status; }
    public Instant getNotifiedAt() { return notifiedAt; }
    public String getNoticeConfirmedBy() { return noticeConfirmedBy; }
    public Boolean getNoticeLate() { return noticeLate; }
    public Instant getReportDueAt() { return reportDueAt; }
    public Instant getReportReminderAt() { return reportReminderAt; }
    public String getFinalExtent() { return finalExtent; }
    public String getMeasures() { return measures; }
    public Instant getReportSubmittedAt() { return reportSubmittedAt; }
    public String getReportSubmittedBy() { return reportSubmittedBy; }
    public int getReportsSubmitted() { return reportsSubmitted; }
    public Instant getReportOverdueAt() { return reportOverdueAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getClosureNote() { return closureNote; }
}
