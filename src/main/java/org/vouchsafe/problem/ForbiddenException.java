package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this to this object, e.g. a conflicted reviewer voting (403). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
