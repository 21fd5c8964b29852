package org.vouchsafe.problem;

import java.util.List;

/** The request is well-formed but clashes with the current state (409). */
public class ConflictException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
