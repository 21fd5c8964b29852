package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** The request is well-formed but clashes with the current state (409). */
public class ConflictException extends DomainException {

    private final List<FieldProblem> problems;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public List<FieldProblem> problems() {
        return problems;
    }
}
