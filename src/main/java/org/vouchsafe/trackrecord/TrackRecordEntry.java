package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored track-record entry of a membership request. Entries are immutable once stored:
 * an applicant who got one wrong files a corrected upload for the other issues, and reviewers
 * see where each entry came from ({@link #source()}).
 */
@Entity
@Table(name = "track_record_entry")
public class TrackRecordEntry implements Persistable<String> {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;

    @Column(name = "request_id", length = 36, nullable = false, updatable = false)
    private String requestId;

    @Column(name = "issue", length = 100, nullable = false, updatable = false)
    private String issue;

    @Column(name = "public_date", nullable = false, updatable = false)
    private LocalDate publicDate;

    @Column(name = "fix_date", nullable = false, updatable = false)
    private LocalDate fixDate;

    @Column(name = "via_distros", nullable = false, updatable = false)
    private boolean viaDistros;

    @Column(name = "reference", length = 2000, nullable = false, updatable = false)
    private String reference;

    @Column(name = "upstream_fix_date", updatable = false)
    private LocalDate upstreamFixDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", length = 16, nullable = false, updatable = false)
    private TrackRecordSource source;

    // Ids are assigned here, so Spring Data cannot tell a new entry from a stored one by its id;
    // without this flag every save of an upload's entries would first SELECT them.
    @Transient
    private boolean fresh = true;

    /** For JPA. */
    protected TrackRecordEntry() {
    }

    public TrackRecordEntry(String requestId, TrackRecordEntryInput input, TrackRecordSource source) {
        this.id = UUID.randomUUID().toString();
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.issue = Objects.requireNonNull(input.issue(), "issue");
        this.publicDate = Objects.requireNonNull(input.publicDate(), "publicDate");
        this.fixDate = Objects.requireNonNull(input.fixDate(), "fixDate");
        this.viaDistros = Boolean.TRUE.equals(input.viaDistrosList());
        this.reference = Objects.requireNonNull(input.reference(), "reference");
        this.upstreamFixDate = input.upstreamFixDate();
        this.source = Objects.requireNonNull(source, "source");
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    public String requestId() {
        return requestId;
    }

    public String issue() {
        return issue;
    }

    public LocalDate publicDate() {
        return publicDate;
    }

    public LocalDate fixDate() {
        return fixDate;
    }

    public boolean viaDistros() {
        return viaDistros;
    }

    public String reference() {
        return reference;
    }

    /** The upstream project's fix date, for downstream distros; null when not given. */
    public LocalDate upstreamFixDate() {
        return upstreamFixDate;
    }

    public TrackRecordSource source() {
        return source;
    }

    /** The entry in the shape applicants send, e.g. for statistics and charts. */
    public TrackRecordEntryInput toInput() {
        return new TrackRecordEntryInput(issue, publicDate, fixDate, viaDistros, reference, upstreamFixDate);
    }
}
