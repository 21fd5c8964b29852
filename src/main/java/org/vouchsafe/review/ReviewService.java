package org.vouchsafe.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * Review rounds: who reviews, recording votes (one per reviewer per round, immutable),
 * counting them, objections during the window, and the applicant's replies.
 */
@Service
public class ReviewService {

    /** Concurrent votes on one request collide in the engine; a few quick retries settle them. */
    private static final int VOTE_ATTEMPTS = 8;
    private static final int MAX_COMMENT = 8000;

    private final Requests requests;
    private final VoteRepository votes;
    private final ApplicantReplyRepository replies;
    private final ReviewerProfileRepository profiles;
    private final ConflictOfInterest conflictOfInterest;
    private final ReviewWorkflow workflow;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ReviewService(Requests requests, VoteRepository votes, ApplicantReplyRepository replies,
                         ReviewerProfileRepository profiles, ConflictOfInterest conflictOfInterest,
                         ReviewWorkflow workflow, PlatformTransactionManager transactionManager, ObjectMapper json,
                         Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.votes = votes;
        this.replies = replies;
        this.profiles = profiles;
        this.conflictOfInterest = conflictOfInterest;
        this.workflow = workflow;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /** Members of the reviewers group without a conflict of interest with this request. */
    @Transactional(readOnly = true)
    public List<String> eligibleReviewers(String requestId) {
        MembershipRequest request = request(requestId);
        List<String> reviewers = workflow.reviewers();
        // One query for all profiles: a read per reviewer made opening a round grow by a statement per reviewer.
        Map<String, ReviewerProfile> byName = profiles.findAllById(reviewers).stream()
                .collect(java.util.stream.Collectors.toMap(ReviewerProfile::getUsername, p -> p));
        return reviewers.stream()
                .filter(reviewer -> !conflictOfInterest.conflicted(byName.get(reviewer), request))
                .sorted()
                .toList();
    }

    public boolean isConflicted(String reviewer, MembershipRequest request) {
        return conflictOfInterest.conflicted(profiles.findById(reviewer).orElse(null), request);
    }

    /**
     * Opens the next review round (the first one is opened at filing). The request's status is the
     * process model's to set ({@code IN_REVIEW} as the round opens).
     *
     * @return the round number
     */
    @Transactional
    public int openRound(String requestId, boolean first) {
        return first ? request(requestId).getReviewRound() : requests.startNextRound(requestId);
    }

    /**
     * Records a vote: the one place where the rules of a vote are applied, whichever way it was
     * cast. A Tasklist submission reaches it through the vote task's listener; a REST vote during
     * the round completes the same task ({@link #castVote}), so it reaches it the same way; an
     * objection during the objection window comes here directly. The rules: the reviewer has no
     * conflict of interest; the request takes votes now (any vote while {@code IN_REVIEW}, only an
     * objection during {@code OBJECTION_WINDOW}); the vote is well-formed; one vote per reviewer and
     * round (checked here for a clear message; the unique key on {@code vote} is the last word when
     * two arrive at once).
     *
     * @return the round's votes counted after this one
     */
    @Transactional
    public Tally recordVote(String requestId, String reviewer, VoteInput input) {
        MembershipRequest request = request(requestId);
        if (isConflicted(reviewer, request)) {
            throw new ForbiddenException("You are affiliated with " + request.getDistroName()
                    + " or its organization, so you cannot vote on its request (conflict of interest).");
        }
        VoteChoice choice = validate(input);
        int round = request.getReviewRound();
        switch (request.getStatus()) {
            case IN_REVIEW -> { }
            case OBJECTION_WINDOW -> {
                if (choice != VoteChoice.OBJECT) {
                    throw new ConflictException("The round has reached its quorum and the objection window is open: "
                            + "only an OBJECT vote is taken now.");
                }
            }
            default -> throw new ConflictException("The request is " + request.getStatus()
                    + "; votes are taken only while it is IN_REVIEW (or objections during OBJECTION_WINDOW).");
        }
        // During the round a vote comes with its reviewer's task, which exists until they vote, so there is
        // nothing to look up; the unique key on (request, round, reviewer) is the last word in a race.
        if (request.getStatus() != RequestStatus.IN_REVIEW
                && votes.findByRequestIdAndRoundAndReviewer(requestId, round, reviewer).isPresent()) {
            throw new ConflictException(reviewer + " has already voted in round " + round + " of this request; "
                    + "votes cannot be changed.");
        }
        Vote vote = votes.saveAndFlush(new Vote(requestId, round, reviewer, choice, blankToNull(input.comment()),
                notesJson(input.criteria()), clock.instant()));
        auditVote(requestId, reviewer, choice, round, input.comment());
        Tally tally = tally(requestId, round);
        events.publishEvent(new VoteCast(requestId, round, reviewer, choice, tally, vote.getCastAt()));
        return tally;
    }

    @Transactional(readOnly = true)
    public Tally tally(String requestId, int round) {
        return Tally.of(round, votes.findByRequestIdAndRoundOrderByCastAt(requestId, round));
    }

    @Transactional(readOnly = true)
    public Tally currentTally(String requestId) {
        return tally(requestId, request(requestId).getReviewRound());
    }

    @Transactional(readOnly = true)
    public List<Vote> votes(String requestId) {
        return votes.findByRequestIdOrderByCastAt(requestId);
    }

    /**
     * A reviewer votes through the REST API. During the round this completes their vote task, as
     * Tasklist would, and the task's listener records the vote ({@link #recordVote}); during the
     * objection window an objection is recorded and ends the window. Either way the tally counted
     * when the vote was stored is returned.
     */
    public Tally castVote(String requestId, String reviewer, VoteInput input) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> castVoteOnce(requestId, reviewer, input));
            } catch (ConcurrentUpdateException e) {
                if (attempt == VOTE_ATTEMPTS) {
                    throw new ConflictException("Other votes on this request were being counted at the same moment; "
                            + "please send your vote again.");
                }
            }
        }
    }

    private Tally castVoteOnce(String requestId, String reviewer, VoteInput input) {
        MembershipRequest request = request(requestId);
        if (request.getStatus() != RequestStatus.IN_REVIEW) {
            Tally tally = recordVote(requestId, reviewer, input);
            workflow.raiseObjection(requestId);
            return tally;
        }
        Optional<String> task = workflow.openVoteTask(requestId, reviewer);
        if (task.isEmpty()) {
            throw noVoteTask(request, reviewer);
        }
        return workflow.completeVoteTask(task.get(), reviewer, input);
    }

    /** Why a reviewer has no vote task while the request is in review, as the answer to their vote. */
    private RuntimeException noVoteTask(MembershipRequest request, String reviewer) {
        int round = request.getReviewRound();
        if (isConflicted(reviewer, request)) {
            return new ForbiddenException("You are affiliated with " + request.getDistroName()
                    + " or its organization, so you cannot vote on its request (conflict of interest).");
        }
        if (votes.findByRequestIdAndRoundAndReviewer(request.getId(), round, reviewer).isPresent()) {
            return new ConflictException("You have already voted in round " + round + " of this request; "
                    + "votes cannot be changed.");
        }
        return new ConflictException("Round " + round + " has no open vote for you; it may have just closed.");
    }

    /** The applicant answers the reviewers' questions; a new round follows. */
    @Transactional
    public ApplicantReply reply(String requestId, String author, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "is required: answer the reviewers' questions.");
        }
        if (text.length() > 20_000) {
            throw new InvalidInputException("text", "is longer than 20000 characters; shorten it and link to details.");
        }
        MembershipRequest request = request(requestId);
        if (request.getStatus() != RequestStatus.NEEDS_INFO) {
            throw new ConflictException("The request is " + request.getStatus() + "; replies are taken while it is NEEDS_INFO.");
        }
        ApplicantReply reply = replies.save(new ApplicantReply(requestId, request.getReviewRound(), author, text.trim(),
                clock.instant()));
        audit.record(author, AuditAction.APPLICANT_REPLIED, requestId, "Replied to the reviewers' questions of round "
                + request.getReviewRound(), Map.of("round", String.valueOf(request.getReviewRound())), true);
        workflow.applicantReplied(requestId);
        return reply;
    }

    /** The questions of the latest round that asked for more information. */
    @Transactional(readOnly = true)
    public List<String> openQuestions(String requestId) {
        MembershipRequest request = request(requestId);
        if (request.getStatus() != RequestStatus.NEEDS_INFO) {
            return List.of();
        }
        List<String> questions = new ArrayList<>();
        for (Vote v : votes.findByRequestIdAndRoundOrderByCastAt(requestId, request.getReviewRound())) {
            if (v.getVote() == VoteChoice.NEEDS_INFO) {
                questions.add(v.getComment() == null ? "(no question text)" : v.getComment());
            }
        }
        return questions;
    }

    @Transactional(readOnly = true)
    public List<ApplicantReply> replies(String requestId) {
        return replies.findByRequestIdOrderByCreatedAt(requestId);
    }

    /** Rejects what cannot be a vote before any state is touched. */
    private VoteChoice validate(VoteInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        VoteChoice choice = null;
        if (input == null) {
            throw new InvalidInputException("vote", "is required: APPROVE, OBJECT or NEEDS_INFO.");
        }
        try {
            choice = parseVote(input.vote());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (choice != null && choice != VoteChoice.APPROVE && (input.comment() == null || input.comment().isBlank())) {
            problems.add(new FieldProblem("comment", choice == VoteChoice.OBJECT
                    ? "is required with an objection: say what is wrong, for the admin and the applicant."
                    : "is required with NEEDS_INFO: write the questions the applicant must answer."));
        }
        if (input.comment() != null && input.comment().length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "is longer than " + MAX_COMMENT + " characters; shorten it."));
        }
        if (input.criteria() != null) {
            input.criteria().forEach((key, note) -> {
                if (!key.matches("[1-9]")) {
                    problems.add(new FieldProblem("criteria." + key, "is not a criterion; use the keys \"1\" to \"9\"."));
                } else if (note != null && note.length() > 2000) {
                    problems.add(new FieldProblem("criteria." + key, "is longer than 2000 characters; shorten it."));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return choice;
    }

    static VoteChoice parseVote(String vote) {
        try {
            return VoteChoice.valueOf(vote == null ? "" : vote.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("vote", "must be APPROVE, OBJECT or NEEDS_INFO.");
        }
    }

    private String notesJson(Map<String, String> notes) {
        if (notes == null || notes.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new LinkedHashMap<>(notes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise criteria notes", e);
        }
    }

    public Map<String, String> notes(Vote vote) {
        return notes(vote.getCriteriaNotes());
    }

    private Map<String, String> notes(String notesJson) {
        if (notesJson == null || notesJson.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(notesJson, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("criteriaNotes", "must be a JSON object of criterion numbers to notes.");
        }
    }

    /** Votes are private to reviewers and admins: the applicant's audit view does not show them. */
    private void auditVote(String requestId, String reviewer, VoteChoice choice, int round, String comment) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vote", choice.name());
        details.put("round", String.valueOf(round));
        if (comment != null && !comment.isBlank()) {
            details.put("comment", comment.length() > 2000 ? comment.substring(0, 2000) : comment.trim());
        }
        audit.record(reviewer, AuditAction.VOTE_CAST, requestId, reviewer + " voted " + choice + " in round " + round,
                details, false);
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Exposed for the workflow's summary of a round. */
    public Optional<Vote> vote(String requestId, int round, String reviewer) {
        return votes.findByRequestIdAndRoundAndReviewer(requestId, round, reviewer);
    }
}
