package org.vouchsafe.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The applicant's answer to the reviewers' questions of a round. */
@Entity
@Table(name = "applicant_reply")
public class ApplicantReply {

    @Id
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(nullable = false)
    private int round;

    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApplicantReply() {
    }

    public ApplicantReply(String requestId, int round, String author, String text, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.round = round;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public int getRound() { return round; }
    public String getAuthor() { return author; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
