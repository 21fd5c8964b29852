package org.vouchsafe.trackrecord;

import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the rules that fired into sentences with the applicant's own numbers and what to do
 * about them. Limits are quoted from the decision table, so a changed table changes the text.
 */
final class TrackRecordReasons {

    private TrackRecordReasons() {
    }

    static TrackRecordAssessment assessment(TrackRecordStatistics s, RulesVerdict verdict, boolean downstream) {
        Optional<LocalDate> eligibleFrom = verdict.finding(TrackRecordFinding.Reason.SPAN_TOO_SHORT)
                .filter(f -> s.earliestPublicDate() != null)
                .map(f -> s.earliestPublicDate().plusDays(limit(f, 365)));
        List<String> reasons = new ArrayList<>();
        for (TrackRecordFinding f : verdict.findings()) {
            reasons.add(sentence(f, s, eligibleFrom));
        }
        if (s.entryCount() > 0) {
            reasons.add(summary(s, verdict.outcome()));
        }
        if (downstream) {
            reasons.add(upstream(s));
        }
        CheckResult check = new CheckResult(verdict.outcome(), reasons);
        return new TrackRecordAssessment(s, check, verdict, eligibleFrom, verdict.failedOnlyOnSpan());
    }

    private static String sentence(TrackRecordFinding f, TrackRecordStatistics s, Optional<LocalDate> eligibleFrom) {
        return switch (f.reason()) {
            case SPAN_TOO_SHORT -> s.entryCount() == 0
                    ? "No track-record entries were given: list the security issues you fixed over at least the last "
                    + limit(f, 365) + " days (filing form, CSV or OSV upload)."
                    : "The track record starts on " + s.earliestPublicDate() + " (the earliest public date), only "
                    + s.spanDays() + " days before filing; the criterion asks for at least " + limit(f, 365)
                    + " days. Keep fixing and listing issues: the record is long enough from " + eligibleFrom.orElseThrow()
                    + ".";
            case MEDIAN_LATENCY_TOO_HIGH -> "Fixes were released a median of " + days(s.medianLatencyDays())
                    + " after the issues became public; the criterion asks for at most " + days(limit(f, 10))
                    + ". Release fixes sooner, or correct entries whose public or fix date is wrong.";
            case FEW_WITHIN_10_DAYS -> "Only " + percent(s.percentWithin10Days()) + " of fixes (" + s.within10Days()
                    + " of " + s.entryCount() + ") were released within " + TrackRecordStatistics.TIMELY_DAYS
                    + " days of becoming public; reviewers look for at least " + percent(limitValue(f, 90))
                    + ". Explain the slower ones in answer 3 (90 % were fixed within " + days(s.p90LatencyDays())
                    + ", the slowest took " + days(s.maxLatencyDays()) + ").";
            case NOT_CURRENT -> "The latest fix listed was released on " + s.latestFixDate() + ", "
                    + s.daysSinceLatestFix() + " days before filing; the record must continue to the present "
                    + "(a fix within the last " + days(limit(f, 90)) + "). Add your recent fixes, or say in answer 3 "
                    + "why there were none.";
            case FEW_VIA_DISTROS -> (s.viaDistrosCount() == 0
                    ? "None of the " + s.entryCount() + " entries is marked as handled via (linux-)distros"
                    : "Only " + s.viaDistrosCount() + " of the " + s.entryCount()
                    + " entries are marked as handled via (linux-)distros")
                    + "; the criterion asks for some such issues (at least " + limit(f, 1) + "). Mark the entries that "
                    + "were handled on the list, or explain in answer 3 how you took part.";
            case FEW_ENTRIES -> "Only " + s.entryCount() + (s.entryCount() == 1 ? " entry was" : " entries were")
                    + " given; reviewers need at least " + limit(f, 5) + " to judge a track record. List more of the "
                    + "security issues you fixed.";
            case OTHER -> "The track-record rule '" + f.code() + "'"
                    + (f.limit() == null ? "" : " (limit " + number(f.limit()) + ")")
                    + " flagged this record; ask the list admins what it needs.";
        };
    }

    private static String summary(TrackRecordStatistics s, CheckOutcome outcome) {
        String speed = "median " + days(s.medianLatencyDays()) + ", " + percent(s.percentWithin10Days()) + " within "
                + TrackRecordStatistics.TIMELY_DAYS + " days";
        String extent = s.entryCount() + (s.entryCount() == 1 ? " fix" : " fixes") + " from " + s.earliestPublicDate()
                + " to " + s.latestFixDate() + " (" + length(s.earliestPublicDate(), s.filedOn()) + " before filing), "
                + s.viaDistrosCount() + " handled via (linux-)distros";
        return outcome == CheckOutcome.PASS
                ? "Fixes are released fast: " + speed + "; " + extent + "."
                : "For reviewers: " + speed + "; " + extent + ".";
    }

    private static String upstream(TrackRecordStatistics s) {
        TrackRecordStatistics.UpstreamLead lead = s.upstreamLead();
        if (lead == null) {
            return "As a downstream distro, give the upstream fix date of each entry (upstream_fix_date), so that "
                    + "reviewers can see how closely you follow upstream (criterion 4).";
        }
        double median = lead.medianLeadDays();
        String how = median == 0 ? "on the same day as upstream"
                : median > 0 ? days(median) + " ahead of upstream" : days(-median) + " after upstream";
        return "Against upstream (" + lead.entries() + " entries with an upstream fix date): fixes were released a "
                + "median " + how + "; " + percent(lead.shareNoLaterThanUpstream() * 100) + " no later than upstream.";
    }

    private static long limit(TrackRecordFinding f, long fallback) {
        return f.limit() == null ? fallback : Math.round(f.limit());
    }

    private static double limitValue(TrackRecordFinding f, double fallback) {
        return f.limit() == null ? fallback : f.limit();
    }

    static String days(Number n) {
        String v = number(n.doubleValue());
        return v + (v.equals("1") ? " day" : " days");
    }

    /** Percent rounded down to one decimal, so 89.96 % never shows as a passing 90 %. */
    static String percent(double p) {
        return number(Math.floor(p * 10 + 1e-9) / 10) + " %";
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** "2 years 3 months", "5 months", "20 days": how long the record is, for people. */
    static String length(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return "0 days";
        }
        Period p = Period.between(from, to);
        List<String> parts = new ArrayList<>();
        if (p.getYears() > 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() > 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (parts.isEmpty()) {
            parts.add(days(p.getDays()));
        }
        return String.join(" ", parts);
    }
}
