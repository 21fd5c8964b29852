package org.vouchsafe.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reviewer's vote in one round; immutable once cast (no setters). */
@Entity
@Table(name = "vote")
public class Vote implements org.springframework.data.domain.Persistable<String> {

    @Id
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(nullable = false)
    private int round;

    @Column(nullable = false)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VoteChoice vote;

    private String comment;

    /** Per-criterion notes as a JSON object {"3": "note"}. */
    @Column(name = "criteria_notes")
    private String criteriaNotes;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Vote() {
    }

    /**
     * New until stored or loaded: the id is assigned in the constructor, so without this Spring Data
     * would take the entity for an existing one and read it before every insert.
     */
    @jakarta.persistence.Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostLoad
    void stored() {
        fresh = false;
    }


    public Vote(String requestId, int round, String reviewer, VoteChoice vote, String comment, String criteriaNotes,
                Instant castAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.round = round;
        this.reviewer = reviewer;
        this.vote = vote;
        this.comment = comment;
        this.criteriaNotes = criteriaNotes;
        this.castAt = castAt;
    }

    @Override
    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public int getRound() { return round; }
    public String getReviewer() { return reviewer; }
    public VoteChoice getVote() { return vote; }
    public String getComment() { return comment; }
    public String getCriteriaNotes() { return criteriaNotes; }
    public Instant getCastAt() { return castAt; }
}
