package org.vouchsafe.problem;

/**
 * One thing wrong with one field of a caller's input: the JSON path of the field
 * ({@code requesters[0].email}, {@code answers.3}, {@code line 12: fix_date}) and a sentence
 * saying what is wrong and how to fix it.
 */
public record FieldProblem(String field, String message) {
}
