package org.vouchsafe.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vouchsafe.review.ReviewProperties;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;

import static org.vouchsafe.workflow.MembershipProcess.Variables.*;

/**
 * Opens a review round: moves the request to IN_REVIEW, resets the counters and prepares the
 * read-only summaries the vote form shows. The reviewers themselves are resolved by
 * {@link #reviewers(DelegateExecution)} when the multi-instance vote starts, so no list is
 * stored as a process variable.
 */
@Component("reviewRound")
public class ReviewRoundDelegate implements JavaDelegate {

    private final ReviewService review;
    private final ReviewProperties properties;
    private final FormSummaries summaries;

    ReviewRoundDelegate(ReviewService review, ReviewProperties properties, FormSummaries summaries) {
        this.review = review;
        this.properties = properties;
        this.summaries = summaries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        boolean first = execution.getVariable(ROUND) == null;
        int round = review.openRound(requestId, first);
        execution.setVariable(ROUND, round);
        // A round whose every reviewer is conflicted completes at once: the gateway after it reads zeros.
        RoundCounts.set(execution, new Tally(round, 0, 0, 0));
        execution.setVariable(CHECKS_SUMMARY, summaries.checks(requestId));
    }

    /** The collection of the multi-instance vote: every reviewer without a conflict of interest. */
    public List<String> reviewers(DelegateExecution execution) {
        return review.eligibleReviewers(execution.getProcessBusinessKey());
    }

    /**
     * Approvals that close a round, read by the vote's completion condition and the gateway after
     * it: from configuration, never from a process variable a form submission could overwrite.
     */
    public int quorum() {
        return properties.quorum();
    }

    /** The objection window as an ISO-8601 duration for the timer. */
    public String objectionWindow() {
        return properties.objectionWindow().toString();
    }
}
