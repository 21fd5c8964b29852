package org.vouchsafe.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the review needs from the process engine; implemented in the workflow package.
 */
public interface ReviewWorkflow {

    /** The open vote task of this reviewer on this request, if the round is running and they have one. */
    Optional<String> openVoteTask(String requestId, String reviewer);

    /**
     * Completes the reviewer's vote task with their vote, exactly as a Tasklist submission of the
     * vote form would: the task's listener records it through {@link ReviewService#recordVote},
     * and the tally it counted is returned.
     *
     * @throws org.vouchsafe.problem.ConcurrentUpdateException when another vote changed the round at the same moment
     */
    Tally completeVoteTask(String taskId, String reviewer, VoteInput vote);

    /** Tells a request waiting in its objection window that a reviewer objected. */
    void raiseObjection(String requestId);

    /** Tells a request waiting for the applicant that the applicant replied. */
    void applicantReplied(String requestId);

    /** Members of the reviewers group. */
    List<String> reviewers();
}
