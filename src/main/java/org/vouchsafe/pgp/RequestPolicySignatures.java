package org.vouchsafe.pgp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * Signed acceptance of the current list policy by each requester of a request (criterion 6): the
 * statement they sign, the recording of their signature, and the text they signed.
 * <p>
 * The statement is dated with the filing day (UTC), not today, so that it is the same text every
 * time it is fetched and a signature made on one day still verifies on the next: it is rebuilt
 * from the request at verification, never taken from the caller. What was signed is kept byte for
 * byte with its SHA-256, and served back to whoever may read the request.
 */
@Service
public class RequestPolicySignatures {

    private final PolicyAcceptanceService acceptance;
    private final RequestAccess access;
    private final Catalogue catalogue;
    private final CriteriaService criteria;
    private final AuditLog audit;
    private final Clock clock;

    public RequestPolicySignatures(PolicyAcceptanceService acceptance, RequestAccess access, Catalogue catalogue,
                                   CriteriaService criteria, AuditLog audit, Clock clock) {
        this.acceptance = acceptance;
        this.access = access;
        this.catalogue = catalogue;
        this.criteria = criteria;
        this.audit = audit;
        this.clock = clock;
    }

    /** The exact text the holder of {@code fingerprint} signs; anyone who may read the request may fetch it. */
    @Transactional(readOnly = true)
    public String statement(String requestId, String fingerprint, Authentication user) {
        MembershipRequest request = access.readable(requestId, user);
        Requester requester = requester(request, fingerprint).orElseThrow(() -> new NotFoundException(
                "No requester of request " + requestId + " has key " + fingerprint + "."));
        return acceptance.statement(input(request, requester));
    }

    /**
     * Verifies and records a requester's signature over their statement; the applicant of the
     * request or a list admin submits it.
     *
     * @throws InvalidInputException naming {@code fingerprint} (not a requester's key) or
     *                               {@code signature} (with the verification code and what to do)
     */
    @Transactional
    public Signed sign(String requestId, String fingerprint, String signature, Authentication user) {
        MembershipRequest request = access.owned(requestId, user);
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new InvalidInputException("fingerprint", "is required: the full fingerprint of the requester's key.");
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidInputException("signature", "is required: the ASCII-armored signature over the statement "
                    + "(gpg --armor --detach-sign, or a clear-signed statement).");
        }
        Requester requester = requester(request, fingerprint).orElseThrow(() -> new InvalidInputException("fingerprint",
                "is not the key of a requester of this request; use the fingerprint the request lists."));
        PolicyStatementInput input = input(request, requester);
        Instant now = clock.instant();
        SignatureVerification verification = acceptance.record(input, requester.getPublicKey(), signature, now);
        if (!verification.valid()) {
            throw new InvalidInputException(java.util.List.of(new FieldProblem("signature",
                    verification.code() + ": " + verification.message())));
        }
        PolicySignature stored = acceptance.signature(requestId, requester.getFingerprint(), input.policyVersion())
                .orElseThrow();
        audit.record(user.getName(), AuditAction.POLICY_SIGNED, requestId, requester.getName() + " signed the statement "
                        + "accepting policy version " + input.policyVersion() + " with key " + requester.getFingerprint(),
                Map.of("fingerprint", requester.getFingerprint(), "policyVersion", input.policyVersion(),
                        "email", requester.getEmail(), "sha256", stored.getSignedTextSha256()), true);
        CheckResult check = criteria.run(requestId, 6);
        return new Signed(requestId, requester.getFingerprint(), input.policyVersion(), stored.getSignedAt(),
                stored.getSignedTextSha256(), check);
    }

    /**
     * A recorded signature and criterion 6 afterwards.
     *
     * @param sha256 SHA-256 of the text signed, as {@code sha256sum} prints it for the signed file
     */
    public record Signed(String requestId, String fingerprint, String policyVersion, Instant signedAt, String sha256,
                         CheckResult check) {
    }

    /**
     * What the holder of {@code fingerprint} signed to accept {@code version} (the current version when
     * null) on this request: the exact text, its hash and the signature. Anyone who may read the request may.
     *
     * @throws NotFoundException when the request is not readable, or that key has not signed that version
     */
    @Transactional(readOnly = true)
    public PolicySignature signed(String requestId, String fingerprint, String version, Authentication user) {
        access.readable(requestId, user);
        String policyVersion = version == null || version.isBlank() ? catalogue.currentPolicy().version() : version;
        return acceptance.signature(requestId, fingerprint, policyVersion).orElseThrow(() -> new NotFoundException(
                "Key " + CertificateInspector.normaliseFingerprint(fingerprint) + " has not signed the statement "
                        + "accepting policy version " + policyVersion + " on request " + requestId + "."));
    }

    private PolicyStatementInput input(MembershipRequest request, Requester requester) {
        return new PolicyStatementInput(catalogue.currentPolicy().version(), request.getList(), request.getDistroName(),
                request.getId(), requester.getName(), requester.getEmail(), requester.getFingerprint(),
                LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC));
    }

    private static java.util.Optional<Requester> requester(MembershipRequest request, String fingerprint) {
        String wanted = CertificateInspector.normaliseFingerprint(fingerprint);
        return request.getRequesters().stream().filter(r -> wanted.equals(r.getFingerprint())).findFirst();
    }
}
