package org.vouchsafe.problem;

/** An upload over a documented size or count limit (413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
