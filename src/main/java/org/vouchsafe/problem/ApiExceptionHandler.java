package org.vouchsafe.problem;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem details with a field-level {@code errors} array,
 * and never shows a stack trace or an internal message: unexpected failures are logged with
 * a reference the user can quote.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Every refusal of the domain, answered from what it says of itself. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        ResponseEntity<Object> answer = problem(e.status(), e.title(), e.detail(), e.problems());
        if (answer.getBody() instanceof ProblemDetail body) {
            e.properties().forEach(body::setProperty);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        e.headers().forEach(headers::set);
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<Object> optimistic(org.springframework.dao.OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "Someone changed this at the same moment; please try again.", List.of());
    }

    /** No database connection within the pool's timeout: the service is busy, not broken; say when to retry. */
    @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.dao.QueryTimeoutException.class})
    ResponseEntity<Object> busy(Exception e) {
        log.warn("Answered 503: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ServiceBusy.RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                        ServiceBusy.DETAIL, List.of()).getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A parameter has the wrong type.",
                List.of(new FieldProblem(e.getName(), "has the wrong format.")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // A unique constraint caught a duplicate that slipped past the service's own check (two requests at once).
        log.info("Integrity violation answered as 409: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return problem(HttpStatus.CONFLICT, "Conflict",
                "This clashes with something stored at the same moment (a duplicate); reload and check before retrying.", List.of());
    }

    /** Role checks on methods ({@code @PreAuthorize}); callers reach them only when signed in. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (ServiceBusy.causedBy(e)) {
            // The engine wraps the transaction manager's exception in its own; the cause decides.
            return busy(e);
        }
        // A refusal that reached us wrapped (by the engine, a proxy, a reader) is still that refusal.
        DomainException refused = cause(e, DomainException.class);
        if (refused != null) {
            return domain(refused);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; quote reference " + reference + " to the list admin.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        // A chunked body counted past the limit while a reader was inside a value: Jackson wraps the
        // limit's exception in its own (a field "cannot be read"), but the answer is still 413.
        PayloadTooLargeException tooLarge = cause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return domain(tooLarge);
        }
        if (e.getCause() instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "The body is too large.", List.of());
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The body has a field the API does not know.",
                    List.of(new FieldProblem(path(u), "is not a field of this API; remove it (check the spelling).")));
        }
        if (cause instanceof InvalidFormatException f) {
            String expected = f.getTargetType() != null && f.getTargetType().getSimpleName().equals("LocalDate")
                    ? "must be a date in the form YYYY-MM-DD."
                    : "has the wrong format; expected " + describe(f.getTargetType()) + ".";
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A field has the wrong format.",
                    List.of(new FieldProblem(path(f), expected)));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String expected = m.getTargetType() != null && m.getTargetType().getSimpleName().equals("LocalDate")
                    ? "must be a date in the form YYYY-MM-DD."
                    : "has the wrong type; expected " + describe(m.getTargetType()) + ".";
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A field has the wrong type.",
                    List.of(new FieldProblem(path(m), expected)));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A field cannot be read.",
                    List.of(new FieldProblem(path(m), "cannot be read; check its type and format.")));
        }
        if (cause instanceof JsonProcessingException p) {
            String where = p.getLocation() == null ? "" : " at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON" + where + ".",
                    List.of(new FieldProblem("", "fix the JSON syntax" + where + ".")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The request body is missing or cannot be read.",
                List.of(new FieldProblem("", "send a JSON body as described in the API documentation.")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC errors (405, 415, 404 for unknown paths...) keep their status but lose internal detail.
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        detail.setProperty("errors", List.of());
        return ResponseEntity.status(statusCode).headers(headers).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The first exception of this type in the cause chain, or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        Throwable t = e;
        // Bounded: a cause chain may loop.
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
