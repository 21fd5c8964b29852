package org.vouchsafe.workflow;

import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.vouchsafe.incidents.Incident;
import org.vouchsafe.incidents.IncidentService;
import org.vouchsafe.incidents.IncidentView;

/**
 * What the incident model's timers and forms read: the report's deadline and reminder as ISO
 * instants (kept on the incident, so a request for more moves them), and the forms' summary text.
 * Timers read their date when the task starts.
 */
@Component("incidentClock")
public class IncidentClock {

    private final IncidentService incidents;

    IncidentClock(IncidentService incidents) {
        this.incidents = incidents;
    }

    public String reportDue(String incidentId) {
        return incidents.find(incidentId).getReportDueAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String reminderAt(String incidentId) {
        return incidents.find(incidentId).getReportReminderAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The read-only text the forms show (under Camunda's 4,000 characters for a string variable). */
    public String summary(String incidentId) {
        Incident i = incidents.find(incidentId);
        IncidentView view = incidents.view(i);
        StringBuilder text = new StringBuilder()
                .append("Incident ").append(i.getId()).append(" (").append(i.getList()).append(", distro ")
                .append(i.getDistroId()).append(")\nReference: ").append(i.getReference())
                .append("\nAware since: ").append(i.getAwareAt())
                .append("\nNotice: ").append(i.getNotifiedAt() == null ? "not yet confirmed, clock at " + view.noticeClockText()
                        : i.getNotifiedAt() + " after " + view.noticeClockText() + (view.noticeLate() ? " (LATE)" : ""))
                .append("\nFinal report due: ").append(i.getReportDueAt());
        if (i.getFinalExtent() != null) {
            text.append("\n\nFinal report ").append(i.getReportsSubmitted()).append(":\nExtent: ").append(i.getFinalExtent())
                    .append("\nMeasures: ").append(i.getMeasures());
        }
        if (i.getClosureNote() != null) {
            text.append("\n\nAdmin's note: ").append(i.getClosureNote());
        }
        String s = text.toString();
        return s.length() > 3900 ? s.substring(0, 3900) + "…" : s;
    }
}
