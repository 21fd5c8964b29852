package org.vouchsafe.pgp;

import org.vouchsafe.criteria.CheckOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Signed acceptance of the list policy (criterion 6): the text each requester signs, the
 * verification of their signature against their stored key, and the criterion over a request.
 */
@Service
public class PolicyAcceptanceService {

    private final SignatureService signatures;
    private final PolicySignatureRepository repository;

    public PolicyAcceptanceService(SignatureService signatures, PolicySignatureRepository repository) {
        this.signatures = signatures;
        this.repository = repository;
    }

    /**
     * The statement to sign: deterministic, LF line endings, ending with a newline. The same input
     * always gives the same bytes, so a statement can be served again and still match a signature.
     *
     * @throws InvalidInputException when a field is blank or spans several lines (which would let
     *                               one field forge another line of the statement)
     */
    public String statement(PolicyStatementInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "policyVersion", in.policyVersion());
        check(problems, "distroName", in.distroName());
        check(problems, "requestId", in.requestId());
        check(problems, "personName", in.personName());
        check(problems, "email", in.email());
        check(problems, "fingerprint", in.fingerprint());
        if (in.date() == null) {
            problems.add(new FieldProblem("date", "The statement date is missing."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return "Vouchsafe: acceptance of the (linux-)distros list policy\n"
                + "\n"
                + "Policy version: " + in.policyVersion() + "\n"
                + "Distro: " + in.distroName() + "\n"
                + "Request: " + in.requestId() + "\n"
                + "Person: " + in.personName() + " <" + in.email() + ">\n"
                + "Key fingerprint: " + CertificateInspector.normaliseFingerprint(in.fingerprint()) + "\n"
                + "Date: " + in.date() + "\n"
                + "\n"
                + "I accept version " + in.policyVersion() + " of the list policy on behalf of " + in.distroName()
                + ".\n"
                + "Information from the lists stays within the need-to-know of our security team until\n"
                + "the agreed disclosure date, the reporter's approval or substantially complete\n"
                + "publication, and is used only to fix our distro for its users. Should any of it\n"
                + "leak through us, we tell the reporter and the list at once, investigate, and report\n"
                + "the extent of the leak and the measures taken.\n";
    }

    private static void check(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Required for the policy statement."));
        } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.length() > 320) {
            problems.add(new FieldProblem(field, "Must be a single line of at most 320 characters."));
        }
    }

    /**
     * Verifies the requester's signature over the statement for {@code input} against their stored
     * key and, when valid, keeps the signed bytes and the signature. Recording the same acceptance
     * again is harmless: the first stays.
     *
     * @return the verification; {@link SignatureVerification#valid()} tells whether it was recorded
     */
    @Transactional
    public SignatureVerification record(PolicyStatementInput input, String armoredPublicKey, String armoredSignature,
            Instant now) {
        String statement = statement(input);
        String fingerprint = CertificateInspector.normaliseFingerprint(input.fingerprint());
        SignatureVerification verification = signatures.verify(armoredPublicKey, fingerprint, statement,
                armoredSignature, now);
        if (verification.valid() && repository.findByRequestIdAndFingerprintAndPolicyVersion(input.requestId(),
                fingerprint, input.policyVersion()).isEmpty()) {
            repository.save(new PolicySignature(UUID.randomUUID().toString(), input.requestId(), fingerprint,
                    input.policyVersion(), verification.signedText().orElseThrow(),
                    verification.detachedSignature().orElseThrow(), verification.signedAt().orElseThrow(), now));
        }
        return verification;
    }

    /** Full fingerprints of the keys that signed the statement of this policy version for this request. */
    @Transactional(readOnly = true)
    public Set<String> signedFingerprints(String requestId, String policyVersion) {
        return repository.findByRequestIdAndPolicyVersion(requestId, policyVersion).stream()
                .map(PolicySignature::getFingerprint).collect(Collectors.toSet());
    }

    /**
     * Criterion 6: PASS when every requester's key signed the current policy version, otherwise
     * PENDING naming the keys still missing.
     */
    @Transactional(readOnly = true)
    public CheckResult criterion6(String requestId, String currentPolicyVersion, List<String> requesterFingerprints) {
        if (requesterFingerprints.isEmpty()) {
            return CheckResult.pending("No requester key is on file yet.");
        }
        Set<String> signed = repository.findByRequestIdAndPolicyVersion(requestId, currentPolicyVersion).stream()
                .map(PolicySignature::getFingerprint).collect(Collectors.toSet());
        List<String> missing = requesterFingerprints.stream()
                .map(CertificateInspector::normaliseFingerprint)
                .filter(f -> !signed.contains(f))
                .map(f -> "The holder of key " + f + " has not yet signed the statement accepting policy version "
                        + currentPolicyVersion + ": fetch it, sign it (gpg --armor --detach-sign) and submit the "
                        + "signature.")
                .toList();
        if (!missing.isEmpty()) {
            return new CheckResult(CheckOutcome.PENDING, missing);
        }
        return CheckResult.pass("Every requester signed policy version " + currentPolicyVersion + " with their key.");
    }
}
