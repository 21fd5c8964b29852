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
     * Completes a vote task with the vote, as Tasklist would.
     *
     * @throws org.vouchsafe.problem.ConcurrentUpdateException when another vote changed the round at the same moment
     */
    void completeVoteTask(String taskId, VoteChoice vote, String comment, Map<String, String> criteriaNotes);

    /** Tells a request waiting in its objection window that a reviewer objected. */
    void raiseObjection(String requestId);

    /** Tells a request waiting for the applicant that the applicant replied. */
    void applicantReplied(String requestId);

    /** Members of the reviewers group. */
    List<String> reviewers();
}
