package org.vouchsafe.vouching;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.pgp.SignatureVerification;

/**
 * Stores what the judging of a vouch decided: an eligible vouch with its signature and evidence,
 * audited, with criterion 9 re-run so reviewers see the chain grow; or, for a refusal after the
 * signature verified, why it was refused. Runs in the transaction of {@link VouchService}.
 */
@Component
class VouchRecorder {

    /** The audit log's limit on a summary (AuditLog refuses longer ones). */
    private static final int MAX_AUDIT_SUMMARY = 2000;

    private final VouchRepository vouches;
    private final AuditLog audit;
    private final CriteriaService criteria;

    VouchRecorder(VouchRepository vouches, AuditLog audit, CriteriaService criteria) {
        this.vouches = vouches;
        this.audit = audit;
        this.criteria = criteria;
    }

    /** Stores the vouch eligibility admitted, received at {@code now}. */
    Vouch store(String requestId, VouchInput input, SignedVouch signed, VoucherEligibility.Admission admitted,
                Instant now) {
        VoucherEligibility.Eligibility eligibility = admitted.eligibility();
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String requesterEmail = VouchStatements.normalise(input.requester());
        // The signature verified over the sent statement; being the served one, that is what was signed.
        SignatureVerification verification = signed.verification();

        Vouch vouch = new Vouch(requestId, input.voucher().name().trim(), voucherEmail,
                VouchShape.blankToNull(input.voucher().affiliation()), eligibility.branch(), requesterEmail,
                VouchStrength.valueOf(input.strength().trim()), VouchShape.blankToNull(input.comment()),
                eligibility.status(), eligibility.depth(), eligibility.fingerprint(),
                verification.signedText().orElseThrow(), verification.detachedSignature().orElseThrow(),
                verification.signedAt().orElseThrow(), now);
        if (eligibility.branch() == VoucherBranch.VETERAN) {
            vouch.veteranEvidence(input.voucher().publicKey(), input.voucher().firstActivity(),
                    input.voucher().evidence().stream().map(String::trim).toList());
        }
        vouches.saveAndFlush(vouch);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("voucher", voucherEmail);
        details.put("requester", requesterEmail);
        details.put("branch", vouch.getBranch().name());
        details.put("strength", vouch.getStrength().name());
        details.put("status", vouch.getStatus().name());
        details.put("depth", String.valueOf(vouch.getDepth()));
        details.put("fingerprint", vouch.getVoucherFingerprint());
        audit.record(auditActor(voucherEmail), AuditAction.VOUCH_RECORDED, requestId, vouch.getVoucherName() + " ("
                + vouch.getBranch().name().toLowerCase(Locale.ROOT) + ") vouched for " + admitted.requester().getName(),
                details, true);
        criteria.run(requestId, 9);
        return vouch;
    }

    /**
     * Records why a vouch sent without an account was refused after its signature verified. The
     * voucher is told only that it was not accepted (see {@link PublicVouching}); the reason goes to
     * the audit trail, which list admins read, and to the applicant's timeline, so that the people who
     * asked for the vouch learn what to fix. The event names the key that signed.
     */
    void recordRefusal(String requestId, VouchInput input, SignedVouch signed, VouchRefusedException refusal) {
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String requesterEmail = VouchStatements.normalise(input.requester());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("voucher", voucherEmail);
        details.put("requester", requesterEmail);
        details.put("reason", refusal.reason().name());
        details.put("field", refusal.field());
        details.put("fingerprint", signed.fingerprint());
        String summary = "Refused a vouch by " + voucherEmail + " for " + requesterEmail + ": " + refusal.sentence();
        audit.record(auditActor(voucherEmail), AuditAction.VOUCH_REFUSED, requestId,
                summary.length() <= MAX_AUDIT_SUMMARY ? summary : summary.substring(0, MAX_AUDIT_SUMMARY - 1) + "…",
                details, true);
    }

    /** Audit actors are at most 100 characters; an address is the voucher's only identity. */
    static String auditActor(String who) {
        return who.length() <= 100 ? who : who.substring(0, 100);
    }
}
