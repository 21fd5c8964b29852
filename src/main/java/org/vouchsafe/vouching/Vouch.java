package org.vouchsafe.vouching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One verified vouch: who vouches for which requester, how well they know them, and the voucher's
 * signature over the statement the API served, kept as the signed bytes and the detached signature.
 */
@Entity
@Table(name = "vouch")
public class Vouch {

    @Id
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "voucher_name", nullable = false)
    private String voucherName;

    @Column(name = "voucher_email", nullable = false)
    private String voucherEmail;

    @Column(name = "voucher_affiliation")
    private String voucherAffiliation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VoucherBranch branch;

    @Column(name = "requester_email", nullable = false)
    private String requesterEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VouchStrength strength;

    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VouchStatus status;

    @Column(nullable = false)
    private int depth;

    @Column(name = "voucher_fingerprint", nullable = false)
    private String voucherFingerprint;

    @Column(name = "voucher_public_key")
    private String voucherPublicKey;

    @Column(name = "first_activity")
    private LocalDate firstActivity;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vouch_evidence", joinColumns = @JoinColumn(name = "vouch_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false)
    private List<String> evidence = new ArrayList<>();

    @Column(name = "signed_text", nullable = false)
    private String signedText;

    @Column(nullable = false)
    private String signature;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmation_note")
    private String confirmationNote;

    @Version
    private long version;

    protected Vouch() {
    }

    Vouch(String requestId, String voucherName, String voucherEmail, String voucherAffiliation, VoucherBranch branch,
          String requesterEmail, VouchStrength strength, String comment, VouchStatus status, int depth,
          String voucherFingerprint, String signedText, String signature, Instant signedAt, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.voucherName = voucherName;
        this.voucherEmail = voucherEmail;
        this.voucherAffiliation = voucherAffiliation;
        this.branch = branch;
        this.requesterEmail = requesterEmail;
        this.strength = strength;
        this.comment = comment;
        this.status = status;
        this.depth = depth;
        this.voucherFingerprint = voucherFingerprint;
        this.signedText = signedText;
        this.signature = signature;
        this.signedAt = signedAt;
        this.recordedAt = recordedAt;
    }

    /** A veteran's own key and evidence, which nothing else on file holds. */
    void veteranEvidence(String publicKey, LocalDate firstActivity, List<String> evidence) {
        this.voucherPublicKey = publicKey;
        this.firstActivity = firstActivity;
        this.evidence = new ArrayList<>(evidence);
    }

    /** A list admin's verdict on a veteran's evidence. */
    void confirm(boolean confirmed, String admin, String note, Instant at) {
        this.status = confirmed ? VouchStatus.COUNTING : VouchStatus.NOT_CONFIRMED;
        this.confirmedBy = admin;
        this.confirmationNote = note;
        this.confirmedAt = at;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public String getVoucherName() { return voucherName; }
    public String getVoucherEmail() { return voucherEmail; }
    public String getVoucherAffiliation() { return voucherAffiliation; }
    public VoucherBranch getBranch() { return branch; }
    public String getRequesterEmail() { return requesterEmail; }
    public VouchStrength getStrength() { return strength; }
    public String getComment() { return comment; }
    public VouchStatus getStatus() { return status; }
    public int getDepth() { return depth; }
    public String getVoucherFingerprint() { return voucherFingerprint; }
    public String getVoucherPublicKey() { return voucherPublicKey; }
    public LocalDate getFirstActivity() { return firstActivity; }
    public List<String> getEvidence() { return evidence; }
    public String getSignedText() { return signedText; }
    public String getSignature() { return signature; }
    public Instant getSignedAt() { return signedAt; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public String getConfirmationNote() { return confirmationNote; }
}
