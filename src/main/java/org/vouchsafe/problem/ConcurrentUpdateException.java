package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

/**
 * Someone else changed the same process state at the same moment. Callers retry; if retries
 * run out the user gets a 409 asking to try again, never the engine's locking message.
 */
public class ConcurrentUpdateException extends DomainException {

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    /** The engine's or the database's wording is internal; the caller is asked to try again. */
    @Override
    public String detail() {
        return "Someone changed this at the same moment; please try again.";
    }
}
