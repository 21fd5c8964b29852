package org.vouchsafe.pgp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One requester's encrypted challenge (criterion 8): a random secret encrypted to their key. Only
 * the SHA-256 of the expected answer is stored.
 */
@Entity
@Table(name = "pgp_challenge")
public class Challenge {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;

    @Column(name = "requester_email", nullable = false, length = 320)
    private String requesterEmail;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "answer_hash", nullable = false, length = 64)
    private String answerHash;

    @Column(name = "armored_message", nullable = false, length = 100000)
    private String armoredMessage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChallengeStatus status;

    @Column(name = "wrong_answers", nullable = false)
    private int wrongAnswers;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Challenge() {
        // for JPA
    }

    Challenge(String id, String requestId, String requesterEmail, String fingerprint, String answerHash,
            String armoredMessage, Instant issuedAt, Instant expiresAt) {
        this.id = id;
        this.requestId = requestId;
        this.requesterEmail = requesterEmail;
        this.fingerprint = fingerprint;
        this.answerHash = answerHash;
        this.armoredMessage = armoredMessage;
        this.status = ChallengeStatus.OPEN;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String getId() {
        return id;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getRequesterEmail() {
        return requesterEmail;
    }

    /** Full fingerprint of the key the challenge was encrypted to. */
    public String getFingerprint() {
        return fingerprint;
    }

    String getAnswerHash() {
        return answerHash;
    }

    /** The encrypted challenge, ASCII-armored, to hand to the requester. */
    public String getArmoredMessage() {
        return armoredMessage;
    }

    public ChallengeStatus getStatus() {
        return status;
    }

    public int getWrongAnswers() {
        return wrongAnswers;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    /** OPEN, but past its expiry: as good as EXPIRED even before the process timer records it. */
    public boolean isOverdue(Instant now) {
        return status == ChallengeStatus.OPEN && !now.isBefore(expiresAt);
    }

    void answered(Instant at) {
        status = ChallengeStatus.ANSWERED;
        answeredAt = at;
    }

    void wrongAnswer(int maxWrongAnswers) {
        wrongAnswers++;
        if (wrongAnswers >= maxWrongAnswers) {
            status = ChallengeStatus.FAILED;
        }
    }

    void expire() {
        status = ChallengeStatus.EXPIRED;
    }
}
