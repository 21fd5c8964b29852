package org.vouchsafe.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A problem the domain refuses with, carrying how it is answered: the HTTP status, a short title,
 * a detail a person can act on, and the field-level problems. {@link ApiExceptionHandler} answers
 * every one the same way (RFC 9457 with an {@code errors} array), and the workflow adapter passes
 * them through the engine by type, so a new kind of refusal needs neither a handler nor a package
 * convention to be answered right.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The status the API answers with. */
    public abstract HttpStatus status();

    /** The problem's short title. */
    public String title() {
        return status().getReasonPhrase();
    }

    /** What the caller reads: by default the message. */
    public String detail() {
        return getMessage();
    }

    /** The fields at fault, if any. */
    public List<FieldProblem> problems() {
        return List.of();
    }

    /** Extra properties of the problem answer (a stable reason code, say). */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Extra response headers (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
