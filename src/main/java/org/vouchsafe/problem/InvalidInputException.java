package org.vouchsafe.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** Input that cannot be accepted; answered with 400 and the field-level problems. */
public class InvalidInputException extends DomainException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    @Override
    public String detail() {
        return "The request has " + problems.size() + " problem(s); see errors.";
    }

    @Override
    public List<FieldProblem> problems() {
        return problems;
    }
}
