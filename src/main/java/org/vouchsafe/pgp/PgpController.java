package org.vouchsafe.pgp;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.problem.FieldProblem;

/**
 * The OpenPGP side of a request over REST: the encrypted challenge of criterion 8 and its answer,
 * the policy statement and its signature (criterion 6), and the list's own public key.
 * <p>
 * Challenges and signatures are the applicant's (the account that filed) or a list admin's
 * business; the statement, and the text a requester signed, are readable by whoever may read the
 * request; the list key by anyone signed in.
 */
@RestController
class PgpController {

    private final RequestChallenges challenges;
    private final RequestPolicySignatures signatures;
    private final ListKey listKey;

    PgpController(RequestChallenges challenges, RequestPolicySignatures signatures, ListKey listKey) {
        this.challenges = challenges;
        this.signatures = signatures;
        this.listKey = listKey;
    }

    /** The challenge with its state, the armored message in {@code message}. */
    @Operation(summary = "A requester's encrypted challenge (criterion 8)")
    @GetMapping(path = "/api/requests/{id}/challenges/{fingerprint}", produces = MediaType.APPLICATION_JSON_VALUE)
    ChallengeView challenge(@PathVariable String id, @PathVariable String fingerprint, Authentication user) {
        return ChallengeView.of(challenges.read(id, fingerprint, user));
    }

    /** The armored message alone, for {@code curl ... | gpg --decrypt}. */
    @Operation(summary = "A requester's encrypted challenge (criterion 8)")
    @GetMapping(path = "/api/requests/{id}/challenges/{fingerprint}", produces = MediaType.TEXT_PLAIN_VALUE)
    String challengeMessage(@PathVariable String id, @PathVariable String fingerprint, Authentication user) {
        return challenges.read(id, fingerprint, user).getArmoredMessage();
    }

    /**
     * 200 with the outcome for a correct answer. A wrong or empty answer is 400, a challenge that
     * can no longer be answered (answered before, failed, expired) 409; both as problems naming
     * {@code answer}, with {@code outcome}, {@code status} and {@code remainingAttempts}.
     */
    @Operation(summary = "Answer a requester's encrypted challenge")
    @PostMapping(path = "/api/requests/{id}/challenges/{fingerprint}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> answer(@PathVariable String id, @PathVariable String fingerprint,
                                  @RequestBody AnswerInput body, Authentication user) {
        RequestChallenges.Answered answered = challenges.answer(id, fingerprint, body == null ? null : body.answer(), user);
        ChallengeAnswerResult result = answered.result();
        if (result.accepted()) {
            return ResponseEntity.ok(new AnswerView(result.outcome().name(), result.status().name(),
                    result.remainingAttempts(), result.message(), CheckView.of(answered.check())));
        }
        HttpStatus status = switch (result.outcome()) {
            case WRONG, FAILED, MALFORMED -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, result.message());
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Wrong answer" : "Challenge closed");
        problem.setProperty("errors", List.of(new FieldProblem("answer", result.outcome() + ": " + result.message())));
        problem.setProperty("outcome", result.outcome().name());
        problem.setProperty("status", result.status().name());
        problem.setProperty("remainingAttempts", result.remainingAttempts());
        problem.setProperty("check", CheckView.of(answered.check()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The exact statement to sign, as UTF-8 text with LF line endings. */
    @Operation(summary = "The policy statement a requester signs (criterion 6)")
    @GetMapping(path = "/api/catalogue/policy/statement", produces = "text/plain;charset=UTF-8")
    String statement(@RequestParam("request") String requestId, @RequestParam("requester") String fingerprint,
                     Authentication user) {
        return signatures.statement(requestId, fingerprint, user);
    }

    /** 201 when the signature verifies against the requester's key; 400 naming the failure otherwise. */
    @Operation(summary = "Submit a requester's signature over the policy statement")
    @PostMapping(path = "/api/requests/{id}/policy-signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignedView> sign(@PathVariable String id, @RequestBody SignatureInput body, Authentication user) {
        RequestPolicySignatures.Signed signed = signatures.sign(id, body == null ? null : body.fingerprint(),
                body == null ? null : body.signature(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignedView(signed.requestId(),
                signed.fingerprint(), signed.policyVersion(), signed.signedAt(), signed.sha256(),
                CheckView.of(signed.check())));
    }

    /**
     * What a requester signed: the exact text (as signed, line endings included), its SHA-256 and the
     * signature; {@code version} defaults to the current policy version. 404 when that key has not signed it.
     */
    @Operation(summary = "A requester's stored policy signature")
    @GetMapping(path = "/api/requests/{id}/policy-signatures/{fingerprint}", produces = MediaType.APPLICATION_JSON_VALUE)
    SignatureView signature(@PathVariable String id, @PathVariable String fingerprint,
                            @RequestParam(name = "version", required = false) String version, Authentication user) {
        return SignatureView.of(signatures.signed(id, fingerprint, version, user));
    }

    /** The signed text alone, byte for byte, for {@code curl ... > statement.txt; gpg --verify sig.asc statement.txt}. */
    @Operation(summary = "A requester's stored policy signature")
    @GetMapping(path = "/api/requests/{id}/policy-signatures/{fingerprint}", produces = "text/plain;charset=UTF-8")
    String signedText(@PathVariable String id, @PathVariable String fingerprint,
                      @RequestParam(name = "version", required = false) String version, Authentication user) {
        return signatures.signed(id, fingerprint, version, user).getSignedText();
    }

    /** The list's public key, to verify its mails and to encrypt to the list. */
    @Operation(summary = "The list's own public OpenPGP key")
    @GetMapping(path = "/api/catalogue/list-key", produces = "application/pgp-keys")
    String listKey() {
        return listKey.publicKeyArmored();
    }

    /** The list key, for clients that only accept text. */
    @Operation(summary = "The list's own public OpenPGP key")
    @GetMapping(path = "/api/catalogue/list-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String listKeyText() {
        return listKey.publicKeyArmored();
    }

    record AnswerInput(String answer) {
    }

    record SignatureInput(String fingerprint, String signature) {
    }

    record CheckView(String outcome, List<String> reasons) {
        static CheckView of(CheckResult result) {
            return new CheckView(result.outcome().name(), result.reasons());
        }
    }

    record ChallengeView(String fingerprint, String requester, String status, Instant issuedAt, Instant expiresAt,
                         int wrongAnswers, int remainingAttempts, String message) {
        static ChallengeView of(Challenge c) {
            int remaining = c.getStatus() == ChallengeStatus.OPEN
                    ? ChallengeService.MAX_WRONG_ANSWERS - c.getWrongAnswers() : 0;
            return new ChallengeView(c.getFingerprint(), c.getRequesterEmail(), c.getStatus().name(), c.getIssuedAt(),
                    c.getExpiresAt(), c.getWrongAnswers(), remaining, c.getArmoredMessage());
        }
    }

    record AnswerView(String outcome, String status, int remainingAttempts, String message, CheckView check) {
    }

    record SignedView(String requestId, String fingerprint, String policyVersion, Instant signedAt, String sha256,
                      CheckView check) {
    }

    record SignatureView(String requestId, String fingerprint, String policyVersion, Instant signedAt,
                         Instant verifiedAt, String sha256, String signedText, String signature) {
        static SignatureView of(PolicySignature s) {
            return new SignatureView(s.getRequestId(), s.getFingerprint(), s.getPolicyVersion(), s.getSignedAt(),
                    s.getVerifiedAt(), s.getSignedTextSha256(), s.getSignedText(), s.getSignature());
        }
    }
}
