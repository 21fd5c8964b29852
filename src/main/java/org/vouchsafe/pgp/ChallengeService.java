package org.vouchsafe.pgp;

import org.vouchsafe.criteria.CheckOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.problem.NotFoundException;

/**
 * The challenge-response of criterion 8: each requester proves they can read mail encrypted to
 * their key by answering with the secret it contains.
 * <p>
 * The secret is 256 bits from {@link SecureRandom}, given to the requester as 64 hex digits inside
 * an integrity-protected message (SEIPD v1, AES-256) that GnuPG 2.2 decrypts. Only its SHA-256 is
 * stored; answers are compared in constant time, count against {@value #MAX_WRONG_ANSWERS} wrong
 * attempts, and are single-use. An answer may be the code alone or whatever the requester pasted
 * around it (the whole decrypted text, gpg's output): exactly one code is taken from it
 * ({@link #codesIn}); none, or several different ones, count as a wrong answer and none of them is
 * tried, so pasting many guesses at once gains nothing. Expiry is driven by the process ({@link #expire(String)}), and an
 * answer after {@link Challenge#getExpiresAt()} is refused even before the timer has run.
 */
@Service
public class ChallengeService {

    /** Wrong answers after which a challenge fails. */
    public static final int MAX_WRONG_ANSWERS = 5;

    /**
     * Longer answers are refused without reading or counting them. The decrypted text is well below
     * 1 KiB; this leaves room for it pasted with gpg's messages and the armored message around it.
     */
    static final int MAX_ANSWER_LENGTH = 16 * 1024;

    /** A code: 64 hexadecimal digits not part of a longer run of hexadecimal digits. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");

    private final ChallengeRepository challenges;
    private final CertificateInspector inspector;
    private final Encryption encryption;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ChallengeService(ChallengeRepository challenges, CertificateInspector inspector,
            ObjectProvider<Clock> clock) {
        this.challenges = challenges;
        this.inspector = inspector;
        this.encryption = new Encryption(inspector.policy());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Issues the challenge for one requester of a request, or returns the one already issued to
     * this key for this request (so that a retried job does not issue a second secret).
     *
     * @throws org.vouchsafe.problem.InvalidInputException when the key is not healthy (each problem named)
     * @throws org.vouchsafe.problem.PayloadTooLargeException when the key block is too large
     */
    @Transactional
    public Challenge issue(String requestId, String requesterEmail, String armoredPublicKey, Duration validity) {
        Instant now = clock.instant();
        String fingerprint = inspector.requireHealthy(armoredPublicKey, requesterEmail, now);
        Optional<Challenge> existing = challenges.findByRequestIdAndFingerprint(requestId, fingerprint);
        if (existing.isPresent()) {
            return existing.get();
        }
        OpenPGPCertificate certificate = inspector.parse(armoredPublicKey).certificate();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String code = Hex.toHexString(secret);
        Arrays.fill(secret, (byte) 0);
        String armored;
        try {
            armored = encryption.encrypt(certificate, plaintext(requestId, requesterEmail, fingerprint, code,
                    now.plus(validity)).getBytes(StandardCharsets.UTF_8), null, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the challenge to " + fingerprint, e);
        }
        Challenge challenge = new Challenge(UUID.randomUUID().toString(), requestId, requesterEmail, fingerprint,
                Hex.toHexString(sha256(code)), armored, now, now.plus(validity));
        return challenges.save(challenge);
    }

    /** The text inside the encrypted message; the answer is the line of 64 hex digits, alone or with the rest. */
    static String plaintext(String requestId, String email, String fingerprint, String code, Instant expiresAt) {
        return "Vouchsafe challenge (criterion 8: handles PGP-encrypted e-mail)\n"
                + "\n"
                + "Request: " + requestId + "\n"
                + "Requester: " + email + "\n"
                + "Key fingerprint: " + fingerprint + "\n"
                + "Answer before: " + expiresAt + "\n"
                + "\n"
                + "Answer with this code (64 hexadecimal digits); pasting this whole text works too:\n"
                + "\n"
                + code + "\n";
    }

    /** The challenge of this request for this key, if issued. */
    @Transactional(readOnly = true)
    public Optional<Challenge> find(String requestId, String fingerprint) {
        return challenges.findByRequestIdAndFingerprint(requestId, CertificateInspector.normaliseFingerprint(fingerprint));
    }

    /** All challenges of a request. */
    @Transactional(readOnly = true)
    public List<Challenge> list(String requestId) {
        return challenges.findByRequestIdOrderByIssuedAtAscRequesterEmailAsc(requestId);
    }

    /**
     * Checks an answer: the one code it contains, whatever surrounds it, in any letter case.
     *
     * @throws NotFoundException when no challenge was issued to this key for this request
     */
    @Transactional
    public ChallengeAnswerResult answer(String requestId, String fingerprint, String answer, Instant now) {
        Challenge challenge = challenges.lockByRequestIdAndFingerprint(requestId,
                        CertificateInspector.normaliseFingerprint(fingerprint))
                .orElseThrow(() -> new NotFoundException("No challenge was issued to key " + fingerprint
                        + " for this request."));
        switch (challenge.getStatus()) {
            case ANSWERED:
                return result(challenge, ChallengeAnswerResult.Outcome.ALREADY_ANSWERED,
                        "This challenge was already answered; an answer counts once.");
            case FAILED:
                return result(challenge, ChallengeAnswerResult.Outcome.ALREADY_FAILED,
                        "This challenge failed after " + MAX_WRONG_ANSWERS + " wrong answers; ask the list admins "
                                + "for a new one.");
            case EXPIRED:
                return expired(challenge);
            default:
                break;
        }
        if (challenge.isOverdue(now)) {
            challenge.expire();
            return expired(challenge);
        }
        if (answer == null || answer.isBlank() || answer.length() > MAX_ANSWER_LENGTH) {
            return result(challenge, ChallengeAnswerResult.Outcome.MALFORMED, "Answer with the 64 hexadecimal digits "
                    + "from the decrypted message.");
        }
        Set<String> codes = codesIn(answer, challenge.getFingerprint());
        if (codes.size() != 1) {
            // counted like a wrong code: an answer with many codes must not try them all for the price of one
            return wrong(challenge, (codes.isEmpty() ? "The answer holds no code of 64 hexadecimal digits."
                    : "The answer holds " + codes.size() + " different codes of 64 hexadecimal digits.")
                    + " Paste the code only: the line of 64 hexadecimal digits in the decrypted message");
        }
        boolean correct = MessageDigest.isEqual(sha256(codes.iterator().next()), Hex.decode(challenge.getAnswerHash()));
        if (correct) {
            challenge.answered(now);
            return result(challenge, ChallengeAnswerResult.Outcome.CORRECT, "Correct: you can read mail encrypted to "
                    + "your key.");
        }
        return wrong(challenge, "Decrypt the message with gpg --decrypt and copy the 64-digit code");
    }

    private static ChallengeAnswerResult wrong(Challenge challenge, String advice) {
        challenge.wrongAnswer(MAX_WRONG_ANSWERS);
        if (challenge.getStatus() == ChallengeStatus.FAILED) {
            return result(challenge, ChallengeAnswerResult.Outcome.FAILED, "Wrong answer. " + advice + ". That was "
                    + "the last attempt: the challenge has failed; ask the list admins for a new one.");
        }
        return result(challenge, ChallengeAnswerResult.Outcome.WRONG, "Wrong answer. " + advice + ". Attempts left: "
                + (MAX_WRONG_ANSWERS - challenge.getWrongAnswers()) + ".");
    }

    /**
     * The distinct codes (lower case) in what a requester pasted. Armored OpenPGP blocks (the
     * encrypted message pasted along with its decryption) are skipped, as is the key's own
     * fingerprint, which for a v6 key is also 64 hexadecimal digits and appears in the decrypted text.
     */
    static Set<String> codesIn(String pasted, String fingerprint) {
        String ownFingerprint = fingerprint == null ? "" : fingerprint.toLowerCase(Locale.ROOT);
        Set<String> codes = new LinkedHashSet<>();
        boolean inArmor = false;
        for (String line : pasted.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-----BEGIN PGP ") && !trimmed.startsWith("-----BEGIN PGP SIGNED MESSAGE")) {
                inArmor = true;
            } else if (trimmed.startsWith("-----END PGP ")) {
                inArmor = false;
            } else if (!inArmor) {
                Matcher m = CODE.matcher(line);
                while (m.find()) {
                    String code = m.group().toLowerCase(Locale.ROOT);
                    if (!code.equals(ownFingerprint)) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    private static ChallengeAnswerResult expired(Challenge challenge) {
        return result(challenge, ChallengeAnswerResult.Outcome.EXPIRED, "This challenge expired on "
                + challenge.getExpiresAt() + "; ask the list admins for a new one.");
    }

    private static ChallengeAnswerResult result(Challenge challenge, ChallengeAnswerResult.Outcome outcome,
            String message) {
        return new ChallengeAnswerResult(outcome, challenge.getStatus(), challenge.getWrongAnswers(),
                challenge.getStatus() == ChallengeStatus.OPEN ? MAX_WRONG_ANSWERS - challenge.getWrongAnswers() : 0,
                message);
    }

    /**
     * Marks every still-open challenge of the request EXPIRED; called by the process's timer.
     *
     * @return how many were expired
     */
    @Transactional
    public int expire(String requestId) {
        int count = 0;
        for (Challenge challenge : challenges.findByRequestIdOrderByIssuedAtAscRequesterEmailAsc(requestId)) {
            if (challenge.getStatus() == ChallengeStatus.OPEN) {
                challenge.expire();
                count++;
            }
        }
        return count;
    }

    /**
     * Criterion 8 over all challenges of a request: PASS when every one is answered, FAIL when any
     * failed or expired (naming whose), PENDING otherwise (naming who has yet to answer).
     */
    @Transactional(readOnly = true)
    public CheckResult criterion8(String requestId) {
        List<Challenge> all = list(requestId);
        if (all.isEmpty()) {
            return CheckResult.pending("No encrypted challenge has been issued yet.");
        }
        Instant now = clock.instant();
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Challenge c : all) {
            String who = c.getRequesterEmail() + " (key " + c.getFingerprint() + ")";
            if (c.getStatus() == ChallengeStatus.FAILED) {
                failed.add(who + " gave " + MAX_WRONG_ANSWERS + " wrong answers to the encrypted challenge.");
            } else if (c.getStatus() == ChallengeStatus.EXPIRED || c.isOverdue(now)) {
                failed.add(who + " did not answer the encrypted challenge before " + c.getExpiresAt() + ".");
            } else if (c.getStatus() == ChallengeStatus.OPEN) {
                pending.add(who + " has not yet answered the encrypted challenge (due " + c.getExpiresAt() + ").");
            }
        }
        if (!failed.isEmpty()) {
            return new CheckResult(CheckOutcome.FAIL, failed);
        }
        if (!pending.isEmpty()) {
            return new CheckResult(CheckOutcome.PENDING, pending);
        }
        return CheckResult.pass("Every requester decrypted the challenge sent to their key.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
