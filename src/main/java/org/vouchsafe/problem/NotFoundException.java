package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

/**
 * The thing asked for does not exist or the caller may not see it (404). Requests of other
 * applicants answer 404 as well, so that ids cannot be probed.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
