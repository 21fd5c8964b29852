package org.vouchsafe.problem;

import java.util.List;

/** Reading query parameters so that a wrong one becomes a {@link FieldProblem} that names it and the fix. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * {@code value} as a whole number from {@code min} to {@code max}, or {@code fallback} when
     * it is absent; when it is not such a number, adds a problem for {@code field} and returns
     * {@code fallback}, so that all of a request's problems are reported together.
     */
    public static int wholeNumber(String field, String value, int fallback, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max + "; was '" + value + "'"));
        return fallback;
    }

    /** {@link #wholeNumber(String, String, int, int, int, List)} for numbers beyond {@code int}, such as sequence numbers. */
    public static long wholeNumber(String field, String value, long fallback, long min, long max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max + "; was '" + value + "'"));
        return fallback;
    }
}
