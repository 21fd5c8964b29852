package org.vouchsafe.problem;

/** The caller is known but may not do this to this object, e.g. a conflicted reviewer voting (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
