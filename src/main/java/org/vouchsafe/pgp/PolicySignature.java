package org.vouchsafe.pgp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A verified signature of one requester over the policy statement of one policy version (criterion 6). */
@Entity
@Table(name = "policy_signature")
public class PolicySignature {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "policy_version", nullable = false, length = 32)
    private String policyVersion;

    @Column(name = "signed_text", nullable = false, length = 70000)
    private String signedText;

    @Column(nullable = false, length = 70000)
    private String signature;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    protected PolicySignature() {
        // for JPA
    }

    PolicySignature(String id, String requestId, String fingerprint, String policyVersion, String signedText,
            String signature, Instant signedAt, Instant verifiedAt) {
        this.id = id;
        this.requestId = requestId;
        this.fingerprint = fingerprint;
        this.policyVersion = policyVersion;
        this.signedText = signedText;
        this.signature = signature;
        this.signedAt = signedAt;
        this.verifiedAt = verifiedAt;
    }

    public String getId() {
        return id;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getPolicyVersion() {
        return policyVersion;
    }

    /** Exactly the bytes the signature covers (UTF-8). */
    public String getSignedText() {
        return signedText;
    }

    /** The detached signature, ASCII-armored. */
    public String getSignature() {
        return signature;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
