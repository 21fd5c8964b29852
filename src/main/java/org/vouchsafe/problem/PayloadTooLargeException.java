package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

/** An upload over a documented size or count limit (413). */
public class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PAYLOAD_TOO_LARGE;
    }

    @Override
    public String title() {
        return "Payload too large";
    }
}
