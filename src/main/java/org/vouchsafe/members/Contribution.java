package org.vouchsafe.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a member distro did for one of its roles (criterion 7's "demonstrate actual
 * contributions"): a reference to where it can be seen and one sentence. The lengths keep it to
 * references: embargoed content is never stored here.
 */
@Entity
@Table(name = "member_contribution")
public class Contribution {

    @Id
    private String id;

    @Column(name = "distro_id", nullable = false)
    private String distroId;

    @Column(name = "role_id", nullable = false)
    private String role;

    @Column(name = "contributed_on", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private String reference;

    @Column(nullable = false)
    private String summary;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Contribution() {
    }

    Contribution(String distroId, String role, LocalDate date, String reference, String summary, String recordedBy,
                 Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.distroId = distroId;
        this.role = role;
        this.date = date;
        this.reference = reference;
        this.summary = summary;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getId() { return id; }
    public String getDistroId() { return distroId; }
    public String getRole() { return role; }
    public LocalDate getDate() { return date; }
    public String getReference() { return reference; }
    public String getSummary() { return summary; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
