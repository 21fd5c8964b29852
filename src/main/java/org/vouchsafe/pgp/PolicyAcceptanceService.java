package org.vouchsafe.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.PolicyVersion;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Signed acceptance of the list policy (criterion 6): the text each requester signs, the
 * verification of their signature against their stored key, and the criterion over a request.
 * <p>
 * What a person signs is the policy itself: a short header saying who accepts which version for
 * which request, a blank line, then the policy version's text from the catalogue, verbatim. A
 * paraphrase would let someone sign less than the list asks (the earlier statement left out the
 * infrastructure exception, the duty to bind the people one shares with, "not even hinted at" and
 * the TLP:AMBER limits); signatures over it no longer count.
 */
@Service
public class PolicyAcceptanceService {

    /** First line of every statement; also how a reader recognises one. */
    static final String TITLE = "Vouchsafe: acceptance of the (linux-)distros list policy";

    private final SignatureService signatures;
    private final PolicySignatureRepository repository;
    private final Catalogue catalogue;

    public PolicyAcceptanceService(SignatureService signatures, PolicySignatureRepository repository,
            Catalogue catalogue) {
        this.signatures = signatures;
        this.repository = repository;
        this.catalogue = catalogue;
    }

    /**
     * The statement to sign: UTF-8, LF line endings, ending with a newline; a header block without
     * blank lines, one blank line, then the policy text of {@code in.policyVersion()} exactly as the
     * catalogue holds it. The same input always gives the same bytes, so a statement can be served
     * again, and rebuilt at verification, and still match a signature.
     *
     * @throws InvalidInputException when a field is blank or spans several lines (which would let
     *                               one field forge another line of the statement), or the version is unknown
     */
    public String statement(PolicyStatementInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "policyVersion", in.policyVersion());
        check(problems, "list", in.list());
        check(problems, "distroName", in.distroName());
        check(problems, "requestId", in.requestId());
        check(problems, "personName", in.personName());
        check(problems, "email", in.email());
        check(problems, "fingerprint", in.fingerprint());
        if (in.date() == null) {
            problems.add(new FieldProblem("date", "The statement date is missing."));
        }
        Optional<PolicyVersion> policy = in.policyVersion() == null ? Optional.empty()
                : catalogue.policy(in.policyVersion());
        if (in.policyVersion() != null && !in.policyVersion().isBlank() && policy.isEmpty()) {
            problems.add(new FieldProblem("policyVersion", "is not a version of the list policy; see "
                    + "GET /api/catalogue/policy."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return TITLE + "\n"
                + "List: " + in.list() + "\n"
                + "Request: " + in.requestId() + "\n"
                + "Distro: " + in.distroName() + "\n"
                + "Person: " + in.personName() + " <" + in.email() + ">\n"
                + "Key fingerprint: " + CertificateInspector.normaliseFingerprint(in.fingerprint()) + "\n"
                + "Policy version: " + in.policyVersion() + "\n"
                + "Date: " + in.date() + "\n"
                + "By signing this text I accept the list policy below, in full and as published, on behalf of the "
                + "distro above.\n"
                + "\n"
                + withFinalNewline(policy.orElseThrow().text());
    }

    private static String withFinalNewline(String text) {
        String lf = text.replace("\r\n", "\n");
        return lf.endsWith("\n") ? lf : lf + "\n";
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
     * key and, when valid, keeps the signed bytes, their SHA-256 and the signature. Recording the
     * same acceptance again is harmless: the first stays. A signature kept from when the statement
     * was a paraphrase is replaced by the new one.
     *
     * @return the verification; {@link SignatureVerification#valid()} tells whether it was recorded.
     *         A signature over another text (an earlier statement, an edited copy) is
     *         {@link SignatureVerification.Code#TEXT_ALTERED} with a message saying to fetch the
     *         current statement and sign it unchanged
     */
    @Transactional
    public SignatureVerification record(PolicyStatementInput input, String armoredPublicKey, String armoredSignature,
            Instant now) {
        String statement = statement(input);
        String fingerprint = CertificateInspector.normaliseFingerprint(input.fingerprint());
        SignatureVerification verification = signatures.verify(armoredPublicKey, fingerprint, statement,
                armoredSignature, now);
        if (verification.code() == SignatureVerification.Code.TEXT_ALTERED) {
            return new SignatureVerification(verification.code(), "The signature does not cover the current "
                    + "statement for key " + fingerprint + ". The statement quotes the list policy, version "
                    + input.policyVersion() + ", word for word under a short header; a signature over an earlier "
                    + "statement (which summarised the policy) or over an edited copy does not count. Fetch it "
                    + "again (GET /api/catalogue/policy/statement?request=" + input.requestId() + "&requester="
                    + fingerprint + "), save it unchanged and sign that file: gpg --armor --detach-sign statement.txt",
                    verification.signerFingerprint(), verification.signedAt(), verification.signedText(),
                    verification.detachedSignature());
        }
        if (verification.valid()) {
            Optional<PolicySignature> existing = repository.findByRequestIdAndFingerprintAndPolicyVersion(
                    input.requestId(), fingerprint, input.policyVersion());
            if (existing.isEmpty()) {
                repository.save(new PolicySignature(UUID.randomUUID().toString(), input.requestId(), fingerprint,
                        input.policyVersion(), verification.signedText().orElseThrow(),
                        verification.detachedSignature().orElseThrow(), verification.signedAt().orElseThrow(), now));
            } else if (!existing.get().isOverFullPolicy()) {
                existing.get().supersede(verification.signedText().orElseThrow(),
                        verification.detachedSignature().orElseThrow(), verification.signedAt().orElseThrow(), now);
            }
        }
        return verification;
    }

    /** The counting signature of this key over this policy version's statement for this request, if any. */
    @Transactional(readOnly = true)
    public Optional<PolicySignature> signature(String requestId, String fingerprint, String policyVersion) {
        return repository.findByRequestIdAndFingerprintAndPolicyVersion(requestId,
                CertificateInspector.normaliseFingerprint(fingerprint), policyVersion)
                .filter(PolicySignature::isOverFullPolicy);
    }

    /** Full fingerprints of the keys that signed the statement of this policy version for this request. */
    @Transactional(readOnly = true)
    public Set<String> signedFingerprints(String requestId, String policyVersion) {
        return acceptances(requestId, policyVersion).signed().keySet();
    }

    /**
     * Who accepted this policy version on this request: the keys whose signatures count, each with
     * the SHA-256 of the text it signed, and the keys that signed only the old paraphrase.
     */
    @Transactional(readOnly = true)
    public Acceptances acceptances(String requestId, String policyVersion) {
        Map<String, String> signed = new LinkedHashMap<>();
        Set<String> paraphraseOnly = new LinkedHashSet<>();
        for (PolicySignature s : repository.findByRequestIdAndPolicyVersion(requestId, policyVersion)) {
            if (s.isOverFullPolicy()) {
                signed.put(s.getFingerprint(), s.getSignedTextSha256());
            } else {
                paraphraseOnly.add(s.getFingerprint());
            }
        }
        return new Acceptances(Map.copyOf(signed), Set.copyOf(paraphraseOnly));
    }

    /**
     * The signatures of one policy version on one request.
     *
     * @param signed         fingerprint → SHA-256 of the signed text, for every signature that counts
     * @param paraphraseOnly fingerprints whose only signature is over the old paraphrase (does not count)
     */
    public record Acceptances(Map<String, String> signed, Set<String> paraphraseOnly) {
    }

    /**
     * Criterion 6: PASS when every requester's key signed the current policy version (naming the
     * hash of each signed text), otherwise PENDING naming the keys still missing.
     */
    @Transactional(readOnly = true)
    public CheckResult criterion6(String requestId, String currentPolicyVersion, List<String> requesterFingerprints) {
        if (requesterFingerprints.isEmpty()) {
            return CheckResult.pending("No requester key is on file yet.");
        }
        Map<String, String> signed = acceptances(requestId, currentPolicyVersion).signed();
        List<String> missing = requesterFingerprints.stream()
                .map(CertificateInspector::normaliseFingerprint)
                .filter(f -> !signed.containsKey(f))
                .map(f -> "The holder of key " + f + " has not yet signed the statement accepting policy version "
                        + currentPolicyVersion + ": fetch it, sign it (gpg --armor --detach-sign) and submit the "
                        + "signature.")
                .toList();
        if (!missing.isEmpty()) {
            return new CheckResult(CheckOutcome.PENDING, missing);
        }
        return new CheckResult(CheckOutcome.PASS, requesterFingerprints.stream()
                .map(CertificateInspector::normaliseFingerprint)
                .map(f -> "Key " + f + " signed policy version " + currentPolicyVersion + "; SHA-256 of the signed "
                        + "text: " + signed.get(f) + ".")
                .collect(Collectors.toList()));
    }
}
