package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The numbers criterion 3 is judged on, for one set of entries at one filing date. Latency is
 * {@code max(0, fixDate - publicDate)} in days: a fix released under embargo, before the issue
 * became public, counts as 0. Fields that need at least one entry are null when there is none.
 *
 * @param filedOn              the date the figures are computed for (the filing date)
 * @param entryCount           number of entries
 * @param earliestPublicDate   first public disclosure date; null without entries
 * @param latestFixDate        last fix release date; null without entries
 * @param spanDays             days from {@code earliestPublicDate} to {@code filedOn}; 0 without entries
 * @param daysSinceLatestFix   days from {@code latestFixDate} to {@code filedOn} (0 if the fix came later);
 *                             null without entries
 * @param medianLatencyDays    median latency (mean of the two middle values for an even count); null without entries
 * @param p90LatencyDays       90th percentile latency, nearest rank; null without entries
 * @param maxLatencyDays       largest latency; null without entries
 * @param within10Days         entries with latency of at most 10 days
 * @param shareWithin10Days    {@code within10Days / entryCount}, 0 to 1; 0 without entries
 * @param viaDistrosCount      entries handled via (linux-)distros
 * @param perYear              one row per calendar year of the fix date, ascending, years without fixes left out
 * @param upstreamLead         the lead over upstream, from entries that give an upstream fix date; null if none does
 */
public record TrackRecordStatistics(
        LocalDate filedOn,
        int entryCount,
        LocalDate earliestPublicDate,
        LocalDate latestFixDate,
        long spanDays,
        Long daysSinceLatestFix,
        Double medianLatencyDays,
        Integer p90LatencyDays,
        Integer maxLatencyDays,
        int within10Days,
        double shareWithin10Days,
        int viaDistrosCount,
        List<YearStatistics> perYear,
        UpstreamLead upstreamLead) {

    /** Latency, in days, that the criterion calls timely ("within 10 days"). */
    public static final int TIMELY_DAYS = 10;

    public TrackRecordStatistics {
        perYear = List.copyOf(perYear);
    }

    /** Share of fixes within 10 days as a percentage, 0 to 100. */
    public double percentWithin10Days() {
        return shareWithin10Days * 100.0;
    }

    public Optional<UpstreamLead> upstreamLeadIfAny() {
        return Optional.ofNullable(upstreamLead);
    }

    /**
     * The fixes released in one calendar year.
     *
     * @param year              calendar year of the fix dates
     * @param entries           fixes released that year
     * @param within10Days      of those, released at most 10 days after disclosure
     * @param viaDistrosCount   of those, handled via (linux-)distros
     * @param medianLatencyDays median latency of that year's fixes
     */
    public record YearStatistics(int year, int entries, int within10Days, int viaDistrosCount,
                                 double medianLatencyDays) {
    }

    /**
     * How a downstream distro's fixes compare with its upstream's. Lead is
     * {@code upstreamFixDate - fixDate} in days: positive when the distro released first,
     * negative when it followed.
     *
     * @param entries                  entries that give an upstream fix date
     * @param medianLeadDays           median lead in days
     * @param noLaterThanUpstream      entries fixed on or before the upstream fix date
     * @param shareNoLaterThanUpstream {@code noLaterThanUpstream / entries}, 0 to 1
     */
    public record UpstreamLead(int entries, double medianLeadDays, int noLaterThanUpstream,
                               double shareNoLaterThanUpstream) {
    }
}
