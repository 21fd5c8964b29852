package org.vouchsafe.membership;

import java.util.Optional;

/** What decisions need from the process engine; implemented in the workflow package. */
public interface DecisionWorkflow {

    /** The admin task waiting on this request, if any. */
    Optional<PendingDecision> pending(String requestId);

    /** Completes the pre-screen task: reject now, or send the request to review anyway. */
    void completePrescreen(String taskId, boolean reject, String reason, String admin);

    /** Completes the decision task with the admin's decision. */
    void completeDecision(String taskId, DecisionOutcome outcome, String reason, java.time.LocalDate effectiveDate, String admin);

    /** An admin task and which kind it is. */
    record PendingDecision(String taskId, Kind kind) {
        /** Pre-screen after a failed check, or the decision after review. */
        public enum Kind { PRESCREEN, DECISION }
    }
}
