package org.vouchsafe.accountability;

import java.util.Optional;

/** What accountability requests need from the process engine; implemented in the workflow package. */
public interface AccountabilityWorkflow {

    /** Starts {@code processes/role-accountability.bpmn} for the item (business key = item id). */
    void start(String itemId, String distroId);

    /** The distro's open answer task, if the item waits for its answer. */
    Optional<String> answerTask(String itemId);

    /** The list admins' open closing task, if the item waits to be closed. */
    Optional<String> closeTask(String itemId);

    void completeAnswer(String taskId, String explanation, String correction, String actor);

    void completeClosure(String taskId, ClosingOutcome outcome, String note, String actor);
}
