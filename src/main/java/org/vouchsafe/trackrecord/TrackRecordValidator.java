package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.vouchsafe.problem.FieldProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules every entry obeys, whatever its source. Field names come from the caller so that
 * the filing payload says {@code evidence.trackRecord[3].fixDate} and a CSV says
 * {@code line 12: fix_date}. Messages say what to do, not only what is wrong.
 */
final class TrackRecordValidator {

    static final int MAX_ISSUE_LENGTH = 100;
    static final int MAX_REFERENCE_LENGTH = 2000;
    /** Before the Unix epoch there were no software security fixes to speak of: a typo. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(TrackRecordStatisticsCalculator.MIN_YEAR, 1, 1);

    private static final Pattern ISSUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+/-]*");

    private TrackRecordValidator() {
    }

    /**
     * Checks one entry; a missing field is reported as missing, not again as invalid.
     *
     * @param field names a field for the problem report
     */
    static void validate(TrackRecordEntryInput e, LocalDate today, Function<TrackRecordField, String> field,
                         List<FieldProblem> problems) {
        String issue = e.issue();
        if (issue == null || issue.isBlank()) {
            problems.add(new FieldProblem(field.apply(TrackRecordField.ISSUE),
                    "is missing; give the issue id, e.g. CVE-2026-0001"));
        } else if (issue.length() > MAX_ISSUE_LENGTH || !ISSUE.matcher(issue).matches()) {
            problems.add(new FieldProblem(field.apply(TrackRecordField.ISSUE),
                    "must be one issue id such as CVE-2026-0001 or GHSA-xxxx-xxxx-xxxx (letters, digits and . _ : + / -, "
                            + "at most " + MAX_ISSUE_LENGTH + " characters, no spaces); was '" + shorten(issue) + "'"));
        }
        date(e.publicDate(), true, today, field.apply(TrackRecordField.PUBLIC_DATE),
                "give the date the issue became public", problems);
        date(e.fixDate(), true, today, field.apply(TrackRecordField.FIX_DATE),
                "give the date your fixed package was released", problems);
        date(e.upstreamFixDate(), false, today, field.apply(TrackRecordField.UPSTREAM_FIX_DATE), null, problems);
        if (e.viaDistrosList() == null) {
            problems.add(new FieldProblem(field.apply(TrackRecordField.VIA_DISTROS),
                    "is missing; say true if the issue was handled on the (linux-)distros list, else false"));
        }
        reference(e.reference(), field.apply(TrackRecordField.REFERENCE), problems);
    }

    private static void date(LocalDate date, boolean required, LocalDate today, String field, String whatToGive,
                             List<FieldProblem> problems) {
        if (date == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is missing; " + whatToGive + " (yyyy-mm-dd)"));
            }
            return;
        }
        if (date.isAfter(today)) {
            problems.add(new FieldProblem(field, "must not be in the future (" + date + " is after today, " + today
                    + "); correct the date or leave the entry out until it has happened"));
        } else if (date.isBefore(EARLIEST_DATE)) {
            problems.add(new FieldProblem(field, "must be on or after " + EARLIEST_DATE + " (was " + date
                    + "); check the year"));
        }
    }

    private static void reference(String reference, String field, List<FieldProblem> problems) {
        if (reference == null || reference.isBlank()) {
            problems.add(new FieldProblem(field,
                    "is missing; give an https:// link where anyone can check the fix (advisory, changelog, commit)"));
            return;
        }
        if (!isHttpsUrl(reference)) {
            problems.add(new FieldProblem(field, "must be a public https:// link (at most " + MAX_REFERENCE_LENGTH
                    + " characters) where anyone can check the fix; was '" + shorten(reference) + "'"));
        }
    }

    static boolean isHttpsUrl(String s) {
        if (s.length() > MAX_REFERENCE_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.isAbsolute() && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException ex) {
            return false;
        }
    }

    /** Case-insensitive key of an issue id: cve-2026-0001 and CVE-2026-0001 are the same issue. */
    static String issueKey(String issue) {
        return issue.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Reports an issue already seen (in this upload, or stored for the request) and otherwise
     * remembers where it was seen.
     *
     * @param seen issue key → where it was seen, e.g. "line 4" or "already stored for this request"
     */
    static void duplicate(String issue, String here, String issueField, Map<String, String> seen,
                          List<FieldProblem> problems) {
        if (issue == null || issue.isBlank()) {
            return;
        }
        String previous = seen.putIfAbsent(issueKey(issue), here);
        if (previous != null) {
            problems.add(new FieldProblem(issueField, issue + " is listed twice (also " + previous
                    + "); each issue counts once per request, remove one of them"));
        }
    }

    /** Keeps echoed input short in messages. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
