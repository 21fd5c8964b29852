package org.vouchsafe.pgp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A verified signature of one requester over the policy statement of one policy version (criterion 6),
 * with the exact text signed and its SHA-256. A row without the hash was recorded when the statement
 * paraphrased the policy; it is kept as history but no longer counts as acceptance.
 */
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

    @Column(name = "signed_text_sha256", length = 64)
    private String signedTextSha256;

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
        this.signedAt = signedAt;
        this.verifiedAt = verifiedAt;
        signed(signedText, signature);
    }

    /** Replaces a signature over the old paraphrase with one over the full statement. */
    void supersede(String signedText, String signature, Instant signedAt, Instant verifiedAt) {
        this.signedAt = signedAt;
        this.verifiedAt = verifiedAt;
        signed(signedText, signature);
    }

    private void signed(String text, String armoredSignature) {
        this.signedText = text;
        this.signature = armoredSignature;
        this.signedTextSha256 = sha256(text);
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

    /**
     * SHA-256 (lower-case hex) of the UTF-8 bytes of {@link #getSignedText()}: what {@code sha256sum} prints
     * for the file the person signed. Null for a signature over the old paraphrase of the policy.
     */
    public String getSignedTextSha256() {
        return signedTextSha256;
    }

    /** Whether this signature is over a statement that carries the policy text in full; only those count. */
    public boolean isOverFullPolicy() {
        return signedTextSha256 != null;
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

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}, as {@code sha256sum} prints it. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
