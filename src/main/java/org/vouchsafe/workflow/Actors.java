package org.vouchsafe.workflow;

import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who completes a user task. Camunda's webapps (Tasklist) and {@code /engine-rest} sign the user
 * in to the engine; our REST API completes tasks through {@link CamundaWorkflow} without an
 * engine sign-in (which would switch on Camunda's authorization checks for everything the
 * completion runs, e.g. the reviewers query when a round opens) and binds the caller here for the
 * duration of the call instead.
 *
 * <p>Why not a process variable (as {@code decidedBy} used to be): Tasklist lets its user send any
 * variable with a completion, so a variable naming the actor could be forged. A thread-bound name
 * cannot be set from outside.
 */
final class Actors {

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private Actors() {
    }

    /** Runs an engine call on behalf of {@code actor} (our REST API's authenticated caller). */
    static <T> T as(String actor, Supplier<T> call) {
        String previous = BOUND.get();
        BOUND.set(actor);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /** The user signed in to the engine (webapps, engine REST), else the caller of our API, if any. */
    static Optional<String> current(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return Optional.of(authentication.getUserId());
        }
        return Optional.ofNullable(BOUND.get());
    }

    /** The actor for the audit trail: as {@link #current}, else the task's assignee, else {@code fallback}. */
    static String of(DelegateTask task, IdentityService identity, String fallback) {
        return current(identity).orElseGet(() -> task.getAssignee() != null ? task.getAssignee() : fallback);
    }
}
