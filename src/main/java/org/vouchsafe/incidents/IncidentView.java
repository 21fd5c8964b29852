package org.vouchsafe.incidents;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident as the API and the dashboard show it, with its clocks as of {@code now}.
 *
 * @param noticeClock       from awareness to notice (ISO-8601 duration), or, while notice is not confirmed,
 *                          how long it has been running
 * @param noticeLate        notice came (or is still missing) later than {@code vouchsafe.incidents.notify-within}
 * @param reportOverdue     the final report is due and missing
 */
public record IncidentView(String id, String list, String distroId, String reference, String extent, Instant awareAt,
                           Instant reportedAt, String reportedBy, String status, Instant notifiedAt,
                           String noticeClock, String noticeClockText, boolean noticeLate, String notifyWithin,
                           Instant reportDueAt, boolean reportOverdue, FinalReport finalReport, Closure closure) {

    /** The latest final report. */
    public record FinalReport(String extent, String measures, Instant submittedAt, String submittedBy, int number) {
    }

    /** The admin's last judgement (a request for more, or the closure). */
    public record Closure(String by, Instant at, String note) {
    }

    static IncidentView of(Incident i, Instant now, IncidentProperties properties) {
        Duration clock = i.getNotifiedAt() != null ? i.noticeClock() : Duration.between(i.getAwareAt(), now);
        boolean late = i.getNoticeLate() != null ? i.getNoticeLate() : clock.compareTo(properties.notifyWithin()) > 0;
        boolean overdue = i.getStatus() == IncidentStatus.INVESTIGATING && now.isAfter(i.getReportDueAt());
        FinalReport report = i.getReportSubmittedAt() == null ? null : new FinalReport(i.getFinalExtent(), i.getMeasures(),
                i.getReportSubmittedAt(), i.getReportSubmittedBy(), i.getReportsSubmitted());
        Closure closure = i.getClosedBy() == null ? null : new Closure(i.getClosedBy(), i.getClosedAt(), i.getClosureNote());
        return new IncidentView(i.getId(), i.getList(), i.getDistroId(), i.getReference(), i.getInitialExtent(),
                i.getAwareAt(), i.getReportedAt(), i.getReportedBy(), i.getStatus().name(), i.getNotifiedAt(),
                clock.toString(), human(clock), late, properties.notifyWithin().toString(), i.getReportDueAt(), overdue,
                report, closure);
    }

    /** "2 d 3 h", "5 h 12 min", "40 min": what a person reads on the dashboard. */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + mins + " min";
        }
        return mins + " min";
    }
}
