package org.vouchsafe.problem;

/**
 * The thing asked for does not exist or the caller may not see it (404). Requests of other
 * applicants answer 404 as well, so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
