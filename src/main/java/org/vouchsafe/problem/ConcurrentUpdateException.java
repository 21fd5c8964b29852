package org.vouchsafe.problem;

/**
 * Someone else changed the same process state at the same moment. Callers retry; if retries
 * run out the user gets a 409 asking to try again, never the engine's locking message.
 */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
