package org.vouchsafe.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.Decision;
import org.vouchsafe.pgp.Challenge;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.RequestChallenges;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.problem.NotFoundException;

/**
 * The mails of the membership process: what each says and to whom. Requesters' mails are
 * encrypted to their key on file; reviewers and admins have none, so theirs are signed only.
 * <p>
 * Each method takes a {@code scope} that is stable across retries of the sending job (the process
 * instance and the activity) and makes the idempotency key {@code scope[:occasion]:recipient}: a
 * retried job sends only what is missing, and nothing is ever sent twice. The occasion tells
 * apart activities the process passes more than once (the review round, the decision).
 */
@Service
public class Notifications {

    static final int MAX_KEY = 200;

    private final MailService mail;
    private final Requests requests;
    private final RequestChallenges challenges;
    private final ReviewService review;
    private final AdminDecisionService decisions;
    private final ListKey listKey;

    public Notifications(MailService mail, Requests requests, RequestChallenges challenges,
                         ReviewService review, AdminDecisionService decisions, ListKey listKey) {
        this.mail = mail;
        this.requests = requests;
        this.challenges = challenges;
        this.review = review;
        this.decisions = decisions;
        this.listKey = listKey;
    }

    /** To each requester: the request was filed, and what they do next. */
    @Transactional
    public int requestFiled(String requestId, String scope) {
        MembershipRequest request = request(requestId);
        int sent = 0;
        for (Requester r : request.getRequesters()) {
            send(key(scope, null, r.getEmail()), r, "Membership request for " + request.getDistroName() + " filed",
                    "Dear " + r.getName() + ",\n\n"
                    + request.getFiledBy() + " filed request " + requestId + " for " + request.getDistroName()
                    + " to join the " + request.getList() + " list, naming you as a requester with the key\n"
                    + r.getFingerprint() + ".\n\n"
                    + "What you do next:\n"
                    + "1. A separate mail brings a challenge encrypted to your key (criterion 8). Decrypt it and\n"
                    + "   send the code it contains to POST /api/requests/" + requestId + "/challenges/"
                    + r.getFingerprint() + ".\n"
                    + "2. Sign the policy statement (criterion 6): fetch it from\n"
                    + "   GET /api/catalogue/policy/statement?request=" + requestId + "&requester=" + r.getFingerprint()
                    + ",\n   sign it with gpg --armor --detach-sign and POST the signature to\n"
                    + "   /api/requests/" + requestId + "/policy-signatures.\n");
            sent++;
        }
        return sent;
    }

    /** To each requester with an open challenge: the armored challenge and how to answer it. */
    @Transactional
    public int challengeIssued(String requestId, String scope) {
        return challengeMails(requestId, scope, "Encrypted challenge", "");
    }

    /** To each requester whose challenge is still open: a reminder with the challenge again. */
    @Transactional
    public int challengeReminder(String requestId, String scope) {
        return challengeMails(requestId, scope, "Reminder: encrypted challenge",
                "This is a reminder: the challenge below has not been answered yet.\n\n");
    }

    private int challengeMails(String requestId, String scope, String subject, String preface) {
        MembershipRequest request = request(requestId);
        Map<String, Requester> byFingerprint = request.getRequesters().stream()
                .filter(r -> r.getFingerprint() != null)
                .collect(Collectors.toMap(Requester::getFingerprint, r -> r, (a, b) -> a));
        int sent = 0;
        for (Challenge c : challenges.open(requestId)) {
            Requester r = byFingerprint.get(c.getFingerprint());
            if (r == null) {
                continue;
            }
            send(key(scope, null, r.getEmail()), r, subject + " for " + request.getDistroName() + " (criterion 8)",
                    "Dear " + r.getName() + ",\n\n" + preface
                    + "to show that you read mail encrypted to your key " + c.getFingerprint() + ", decrypt the\n"
                    + "message below (gpg --decrypt) and send the 64-digit code it contains before " + c.getExpiresAt()
                    + ":\n\n  POST /api/requests/" + requestId + "/challenges/" + c.getFingerprint()
                    + "\n  {\"answer\": \"<the code>\"}\n\n"
                    + "After " + org.vouchsafe.pgp.ChallengeService.MAX_WRONG_ANSWERS + " wrong answers the challenge fails.\n\n"
                    + c.getArmoredMessage());
            sent++;
        }
        return sent;
    }

    /** To each requester: the reviewers' questions of the current round and how to reply. */
    @Transactional
    public int questions(String requestId, String scope) {
        return questionMails(requestId, scope, "Questions from the reviewers", "");
    }

    /** To each requester, when the questions are still unanswered after a while. */
    @Transactional
    public int replyReminder(String requestId, String scope) {
        return questionMails(requestId, scope, "Reminder: the reviewers' questions are waiting",
                "This is a reminder: the reviewers are still waiting for your reply.\n\n");
    }

    private int questionMails(String requestId, String scope, String subject, String preface) {
        MembershipRequest request = request(requestId);
        List<String> questions = review.openQuestions(requestId);
        if (questions.isEmpty()) {
            return 0;
        }
        StringBuilder list = new StringBuilder();
        questions.forEach(q -> list.append("- ").append(q.replace("\n", "\n  ")).append('\n'));
        int sent = 0;
        for (Requester r : request.getRequesters()) {
            send(key(scope, "round" + request.getReviewRound(), r.getEmail()), r, subject + " (" + request.getDistroName()
                    + ")", "Dear " + r.getName() + ",\n\n" + preface
                    + "in review round " + request.getReviewRound() + " of request " + requestId + " for "
                    + request.getDistroName() + " the reviewers asked:\n\n" + list
                    + "\nReply with POST /api/requests/" + requestId + "/replies {\"text\": \"...\"}; the review "
                    + "continues with a new round.\n");
            sent++;
        }
        return sent;
    }

    /** To each requester: the admin's decision with its reason. */
    @Transactional
    public int decision(String requestId, String scope) {
        MembershipRequest request = request(requestId);
        Decision decision = decisions.latest(requestId)
                .orElseThrow(() -> new IllegalStateException("request " + requestId + " has no decision to announce"));
        int sent = 0;
        for (Requester r : request.getRequesters()) {
            send(key(scope, decision.getId(), r.getEmail()), r, "Decision on the membership request for "
                    + request.getDistroName() + ": " + decision.getOutcome(),
                    "Dear " + r.getName() + ",\n\n"
                    + "the list admins decided on request " + requestId + " for " + request.getDistroName() + ".\n\n"
                    + "Outcome: " + decision.getOutcome() + "\n"
                    + (decision.getEffectiveDate() == null ? "" : "Effective date: " + decision.getEffectiveDate() + "\n")
                    + "Reason: " + (decision.getReason() == null ? "(none given)" : decision.getReason()) + "\n");
            sent++;
        }
        return sent;
    }

    /** To each reviewer who has not voted in the current round. */
    @Transactional
    public int voteReminder(String requestId, String scope, List<Recipient> lateReviewers) {
        MembershipRequest request = request(requestId);
        for (Recipient reviewer : lateReviewers) {
            mail.send(OutgoingMail.signedOnly(key(scope, "round" + request.getReviewRound(), reviewer.address()),
                    reviewer.address(), "Reminder: your vote on " + request.getDistroName() + " is due",
                    "Dear " + reviewer.name() + ",\n\n"
                    + "review round " + request.getReviewRound() + " of request " + requestId + " for "
                    + request.getDistroName() + " is waiting for your vote.\n"
                    + "Vote in Tasklist or with POST /api/requests/" + requestId + "/votes.\n"));
        }
        return lateReviewers.size();
    }

    /** To the list admins: who has still not voted. */
    @Transactional
    public int lateReviewers(String requestId, String scope, List<Recipient> admins, List<Recipient> lateReviewers) {
        MembershipRequest request = request(requestId);
        if (lateReviewers.isEmpty()) {
            return 0;
        }
        String names = lateReviewers.stream().map(r -> "- " + r.name() + " <" + r.address() + ">")
                .collect(Collectors.joining("\n"));
        return toAdmins(admins, scope, "round" + request.getReviewRound(), "Reviewers late on "
                + request.getDistroName(), "Review round " + request.getReviewRound() + " of request " + requestId
                + " for " + request.getDistroName() + " is still waiting for these reviewers:\n\n" + names + "\n");
    }

    /** To the list admins: the applicant has not answered the questions for too long. */
    @Transactional
    public int staleRequest(String requestId, String scope, List<Recipient> admins) {
        MembershipRequest request = request(requestId);
        return toAdmins(admins, scope, "round" + request.getReviewRound(), "Stale request: " + request.getDistroName(),
                "The applicant of request " + requestId + " for " + request.getDistroName() + " has not answered the "
                + "reviewers' questions of round " + request.getReviewRound() + ". The request is now waiting for your "
                + "decision (approve, reject or defer).\n");
    }

    /** To the list admins: the objection window closed without an objection. */
    @Transactional
    public int objectionWindowClosed(String requestId, String scope, List<Recipient> admins) {
        MembershipRequest request = request(requestId);
        return toAdmins(admins, scope, "round" + request.getReviewRound(), "Objection window closed: "
                + request.getDistroName(), "The objection window of request " + requestId + " for "
                + request.getDistroName() + " has closed without an objection. The request is waiting for your "
                + "decision.\n");
    }

    /**
     * To each reviewer who was asked to vote: the applicant withdrew the request, with their reason;
     * their vote task is gone and nothing more is asked of them.
     */
    @Transactional
    public int withdrawn(String requestId, String scope, List<Recipient> reviewers) {
        MembershipRequest request = request(requestId);
        String reason = request.getWithdrawalReason() == null ? "(none given)" : request.getWithdrawalReason();
        for (Recipient reviewer : reviewers) {
            mail.send(OutgoingMail.signedOnly(key(scope, null, reviewer.address()), reviewer.address(),
                    "Withdrawn: membership request for " + request.getDistroName(),
                    "Dear " + reviewer.name() + ",\n\n"
                    + "the applicant withdrew request " + requestId + " for " + request.getDistroName() + " to join the "
                    + request.getList() + " list. Its review has ended: any vote task of yours on it is gone from\n"
                    + "Tasklist, and nothing more is asked of you.\n\n"
                    + "Reason given: " + reason + "\n"));
        }
        return reviewers.size();
    }

    /**
     * To the list admins: a member distro's last subscribed person left; it is a member without
     * people now. Sent after the departure committed, in a transaction of its own.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public int distroWithoutPeople(String distroId, String distro, java.time.Instant at, List<Recipient> admins) {
        return toAdmins(admins, "distro-without-people:" + distroId, at.toString(), distro + " has nobody subscribed any more",
                "The last subscribed person of " + distro + " left the list on " + at + ". The distro is still a member, "
                + "without people: the roles it holds fall back on you until someone of it is admitted again, or you "
                + "remove it (POST /api/members/" + distroId + "/removal).\n");
    }

    private int toAdmins(List<Recipient> admins, String scope, String occasion, String subject, String body) {
        for (Recipient admin : admins) {
            mail.send(OutgoingMail.signedOnly(key(scope, occasion, admin.address()), admin.address(), subject,
                    "Dear " + admin.name() + ",\n\n" + body));
        }
        return admins.size();
    }

    /**
     * To the list admins, encrypted: for mails that name embargoed matters (a leak incident's
     * reference and extent). Admins have no key of their own on file; they hold the list's own key,
     * so the mail is encrypted to it (and signed by it, as every mail is).
     */
    @Transactional
    public int toListAdminsEncrypted(List<Recipient> admins, String scope, String occasion, String subject, String body) {
        for (Recipient admin : admins) {
            mail.send(new OutgoingMail(key(scope, occasion, admin.address()), admin.address(), subject,
                    "Dear " + admin.name() + ",\n\n" + body, listKey.publicKeyArmored()));
        }
        return admins.size();
    }

    /** To people without a key on file (e.g. a member distro's accounts), signed only: say nothing confidential. */
    @Transactional
    public int signedOnlyTo(List<Recipient> people, String scope, String occasion, String subject, String body) {
        for (Recipient person : people) {
            mail.send(OutgoingMail.signedOnly(key(scope, occasion, person.address()), person.address(), subject,
                    "Dear " + person.name() + ",\n\n" + body));
        }
        return people.size();
    }

    private void send(String key, Requester requester, String subject, String body) {
        mail.send(new OutgoingMail(key, requester.getEmail(), subject, body, requester.getPublicKey()));
    }

    /**
     * {@code scope[:occasion]:recipient}, cut to the 200 characters the outbox allows; a cut key
     * ends with the SHA-256 of the whole, so two long keys never collide.
     */
    public static String key(String scope, String occasion, String recipient) {
        String full = scope + (occasion == null ? "" : ":" + occasion) + ":" + recipient;
        if (full.length() <= MAX_KEY) {
            return full;
        }
        return full.substring(0, MAX_KEY - 65) + ":" + sha256(full);
    }

    private static String sha256(String text) {
        try {
            return Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    /**
     * Someone without a key on file (a reviewer, a list admin).
     *
     * @param name    how to address them
     * @param address their e-mail address
     */
    public record Recipient(String name, String address) {
    }
}
