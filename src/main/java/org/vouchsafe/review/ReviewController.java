package org.vouchsafe.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestAccess;

/** Votes by reviewers and replies by the applicant. */
@RestController
class ReviewController {

    private final ReviewService review;
    private final RequestAccess access;

    ReviewController(ReviewService review, RequestAccess access) {
        this.review = review;
        this.access = access;
    }

    @Operation(summary = "Vote on a request in review (once per round)")
    @PostMapping("/api/requests/{id}/votes")
    @PreAuthorize("hasAuthority('reviewers')")
    @ResponseStatus(HttpStatus.CREATED)
    Tally vote(@PathVariable String id, @RequestBody VoteInput input, Authentication user) {
        access.readable(id, user);
        return review.castVote(id, user.getName(), input);
    }

    /**
     * Votes so far with comments. A reviewer with a conflict of interest does not see the
     * review comments of that request.
     */
    @Operation(summary = "A request's votes so far, with comments")
    @GetMapping("/api/requests/{id}/votes")
    @PreAuthorize("hasAnyAuthority('reviewers', 'list-admins')")
    List<VoteView> votes(@PathVariable String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        if (!RequestAccess.hasRole(user, "list-admins") && review.isConflicted(user.getName(), request)) {
            throw new org.vouchsafe.problem.ForbiddenException(
                    "You are affiliated with " + request.getDistroName() + "; its review comments are not shown to you.");
        }
        return review.votes(id).stream()
                .map(v -> new VoteView(v.getRound(), v.getReviewer(), v.getVote().name(), v.getComment(), review.notes(v), v.getCastAt()))
                .toList();
    }

    @Operation(summary = "Answer the reviewers' questions (the filing applicant)")
    @PostMapping("/api/requests/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    ReplyView reply(@PathVariable String id, @RequestBody ReplyInput input, Authentication user) {
        access.owned(id, user);
        ApplicantReply reply = review.reply(id, user.getName(), input == null ? null : input.text());
        return new ReplyView(reply.getId(), reply.getRound(), reply.getText(), reply.getCreatedAt());
    }

    /** Body of a reply. */
    record ReplyInput(String text) {
    }

    /** A stored reply. */
    record ReplyView(String id, int round, String text, Instant createdAt) {
    }

    /** A vote as reviewers and admins see it. */
    record VoteView(int round, String reviewer, String vote, String comment, Map<String, String> criteria, Instant castAt) {
    }
}
