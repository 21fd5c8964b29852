package org.vouchsafe.incidents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.vouchsafe.problem.FieldProblem;

/**
 * The rules of what an incident may hold. The lengths are what keeps a report to references: a
 * thread subject or an id fits, an embargoed advisory does not.
 */
final class IncidentRules {

    static final int MAX_REFERENCE = 200;
    static final int MAX_INITIAL_EXTENT = 500;
    static final int MAX_REPORT_TEXT = 2000;
    static final int MAX_NOTE = 2000;

    /**
     * The lists a leak can come from. The two Openwall lists, as filing accepts them
     * (intake.FilingValidator); when lists become configuration, this is where they are read.
     */
    static final Set<String> LISTS = Set.of("linux-distros", "distros");

    /** Clocks of people's machines differ a little; "now" on theirs may be a moment after ours. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(2);

    private IncidentRules() {
    }

    static void text(List<FieldProblem> problems, String field, String value, int max, boolean required, String what) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: " + what + "."));
            }
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters: " + what
                    + ". Give a reference (a thread subject or an id), never the embargoed details."));
        }
    }

    /**
     * An instant as the API sends it ({@code 2026-12-01T10:00:00Z}, with an offset) or as Tasklist's
     * text field may carry it without a zone, read as UTC. Null when missing or unreadable.
     */
    static Instant instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
