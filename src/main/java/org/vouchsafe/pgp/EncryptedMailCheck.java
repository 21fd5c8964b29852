package org.vouchsafe.pgp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriterionCheck;
import org.vouchsafe.intake.FilingRequest;

/**
 * C8: handles PGP-encrypted e-mail. Each requester proves it by decrypting the challenge sent to
 * their key: PASS when every requester answered, FAIL when someone's challenge failed or expired or
 * their key cannot receive one (naming the person), PENDING while answers are outstanding. A key
 * the key policy accepts below its recommended size (RSA-2048) adds a reason to any of these, and
 * turns what would be PASS into CONCERN: reviewers see it, nobody is refused for it.
 * <p>
 * A request that is not stored (the self-assessment) has no challenges and never passes: it is
 * PENDING, or FAIL when a key could not be used.
 */
@Component
class EncryptedMailCheck implements CriterionCheck {

    private final ChallengeService challenges;
    private final CertificateInspector inspector;
    private final Clock clock;

    EncryptedMailCheck(ChallengeService challenges, CertificateInspector inspector,
                       Clock clock) {
        this.challenges = challenges;
        this.inspector = inspector;
        this.clock = clock;
    }

    @Override
    public int criterion() {
        return 8;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        return check(request, true);
    }

    /** A payload not stored has no challenges yet. */
    @Override
    public CheckResult checkPayload(MembershipRequest request, FilingRequest filing, LocalDate today) {
        return check(request, false);
    }

    private CheckResult check(MembershipRequest request, boolean stored) {
        Instant now = clock.instant();
        if (request.getRequesters().isEmpty()) {
            return CheckResult.fail("No requester is named, so nobody can receive the encrypted challenge.");
        }
        Map<String, Challenge> issued = stored
                ? challenges.list(request.getId()).stream().collect(Collectors.toMap(Challenge::getFingerprint,
                        Function.identity(), (a, b) -> a))
                : Map.of();
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> concerns = new ArrayList<>();
        for (Requester requester : request.getRequesters()) {
            String who = requester.getName() + " <" + requester.getEmail() + ">";
            Challenge challenge = requester.getFingerprint() == null ? null : issued.get(requester.getFingerprint());
            KeyReport report = inspector.inspect(requester.getPublicKey(), requester.getEmail(), now);
            report.concerns().forEach(c -> concerns.add(who + ": " + c.message()));
            if (challenge == null) {
                if (!report.healthy()) {
                    failed.add(who + " cannot receive the encrypted challenge: " + report.problems().stream()
                            .map(KeyProblem::message).collect(Collectors.joining(" ")));
                } else if (stored) {
                    pending.add("The encrypted challenge to " + who + " is being sent; decrypt it and answer it.");
                } else {
                    pending.add("A challenge encrypted to the key of " + who + " is sent after filing; decrypt it "
                            + "and answer it within the deadline the message states.");
                }
                continue;
            }
            String key = " (key " + challenge.getFingerprint() + ")";
            if (challenge.getStatus() == ChallengeStatus.FAILED) {
                failed.add(who + key + " gave " + ChallengeService.MAX_WRONG_ANSWERS
                        + " wrong answers to the encrypted challenge.");
            } else if (challenge.getStatus() == ChallengeStatus.EXPIRED || challenge.isOverdue(now)) {
                failed.add(who + key + " did not answer the encrypted challenge before " + challenge.getExpiresAt() + ".");
            } else if (challenge.getStatus() == ChallengeStatus.OPEN) {
                pending.add(who + key + " has not yet answered the encrypted challenge (due " + challenge.getExpiresAt()
                        + "): GET /api/requests/" + request.getId() + "/challenges/" + challenge.getFingerprint()
                        + ", decrypt it with gpg --decrypt and POST the code.");
            }
        }
        if (!failed.isEmpty()) {
            return new CheckResult(CheckOutcome.FAIL, concat(failed, concerns));
        }
        if (!pending.isEmpty()) {
            return new CheckResult(CheckOutcome.PENDING, concat(pending, concerns));
        }
        if (!concerns.isEmpty()) {
            return new CheckResult(CheckOutcome.CONCERN,
                    concat(List.of("Every requester decrypted the challenge sent to their key."), concerns));
        }
        return CheckResult.pass("Every requester decrypted the challenge sent to their key.");
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
