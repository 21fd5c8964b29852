package org.vouchsafe.pgp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.problem.PayloadTooLargeException;

/**
 * The challenges of one membership request (criterion 8) as the process and the REST API use
 * them: issue one per requester, take answers, expire the rest. After every change criterion 8 is
 * checked again, so the request shows the new outcome at once.
 */
@Service
public class RequestChallenges {

    private static final Logger log = LoggerFactory.getLogger(RequestChallenges.class);

    private final ChallengeService challenges;
    private final Requests requests;
    private final RequestAccess access;
    private final CriteriaService criteria;
    private final AuditLog audit;
    private final ChallengeWorkflow workflow;
    private final PgpProperties properties;
    private final Clock clock;

    public RequestChallenges(ChallengeService challenges, Requests requests, RequestAccess access,
                             CriteriaService criteria, AuditLog audit, ChallengeWorkflow workflow,
                             PgpProperties properties, Clock clock) {
        this.challenges = challenges;
        this.requests = requests;
        this.access = access;
        this.criteria = criteria;
        this.audit = audit;
        this.workflow = workflow;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Issues the challenge of every requester (idempotent: a retried job gets the same ones back).
     * A key that has become unusable since filing gets no challenge; criterion 8 then fails naming
     * the person, which is more use to the admin than a job retrying in vain.
     *
     * @return the challenges issued, one per requester with a usable key
     */
    @Transactional
    public List<Challenge> issueAll(String requestId) {
        MembershipRequest request = request(requestId);
        List<Challenge> issued = new ArrayList<>();
        for (Requester requester : request.getRequesters()) {
            try {
                issued.add(challenges.issue(requestId, requester.getEmail(), requester.getPublicKey(),
                        properties.pgp().challengeValidity()));
            } catch (InvalidInputException | PayloadTooLargeException e) {
                log.warn("No challenge for requester {} of request {}: the key is no longer usable",
                        requester.getEmail(), requestId);
            }
        }
        criteria.run(requestId, 8);
        return issued;
    }

    /** True when no challenge of the request is open (all answered, failed or expired, or none issued). */
    @Transactional(readOnly = true)
    public boolean settled(String requestId) {
        return challenges.list(requestId).stream().noneMatch(c -> c.getStatus() == ChallengeStatus.OPEN);
    }

    /** The challenges still waiting for an answer. */
    @Transactional(readOnly = true)
    public List<Challenge> open(String requestId) {
        return challenges.list(requestId).stream().filter(c -> c.getStatus() == ChallengeStatus.OPEN).toList();
    }

    /** The process's expiry timer: every open challenge expires, and criterion 8 fails naming whom. */
    @Transactional
    public CheckResult expire(String requestId) {
        int expired = challenges.expire(requestId);
        if (expired > 0) {
            log.info("{} challenge(s) of request {} expired unanswered", expired, requestId);
        }
        return criteria.run(requestId, 8);
    }

    /** A challenge as its requester fetches it; only the applicant of the request and list admins may. */
    @Transactional(readOnly = true)
    public Challenge read(String requestId, String fingerprint, Authentication user) {
        access.owned(requestId, user);
        return challenges.find(requestId, fingerprint).orElseThrow(() -> new NotFoundException("No challenge has been "
                + "issued to key " + fingerprint + " for request " + requestId + " (yet: it is sent shortly after filing)."));
    }

    /**
     * Takes an answer. A wrong answer is counted and committed like a right one (the caller turns
     * it into an error response), so five wrong answers fail the challenge whatever the responses.
     */
    @Transactional
    public Answered answer(String requestId, String fingerprint, String answer, Authentication user) {
        access.owned(requestId, user);
        ChallengeAnswerResult result = challenges.answer(requestId, fingerprint, answer, clock.instant());
        String normalised = CertificateInspector.normaliseFingerprint(fingerprint);
        audit.record(user.getName(), AuditAction.CHALLENGE_ANSWERED, requestId,
                "Answered the encrypted challenge of key " + normalised + ": " + result.outcome(),
                Map.of("fingerprint", normalised, "outcome", result.outcome().name(),
                        "status", result.status().name()), true);
        CheckResult check = criteria.run(requestId, 8);
        if (settled(requestId)) {
            workflow.challengesSettled(requestId);
        }
        return new Answered(result, check);
    }

    /** An answer's result and criterion 8 afterwards. */
    public record Answered(ChallengeAnswerResult result, CheckResult check) {
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }
}
