package org.vouchsafe.incidents;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * What the incident's mails say. The admins' mails carry the reference and go encrypted; the
 * distro's reminder goes signed only and therefore names the incident by id alone.
 */
@Component
public class IncidentMails {

    private final IncidentService incidents;

    IncidentMails(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** One mail's subject and text. */
    public record Mail(String subject, String body) {
    }

    /** To the list admins at once: a member distro reports a leak. */
    public Mail reported(String incidentId) {
        IncidentView i = incidents.view(incidents.find(incidentId));
        return new Mail("Leak incident reported by " + i.distroId(),
                "A leak of information from the " + i.list() + " list was reported.\n\n"
                + "Incident:     " + i.id() + "\n"
                + "Distro:       " + i.distroId() + "\n"
                + "Reported by:  " + i.reportedBy() + " at " + i.reportedAt() + "\n"
                + "Reference:    " + i.reference() + "\n"
                + "Aware since:  " + i.awareAt() + "\n"
                + "Extent:       " + (i.extent() == null ? "(not readily known)" : i.extent()) + "\n\n"
                + "The distro confirms that it told the reporter and the list; its final report is due by "
                + i.reportDueAt() + ".\nGET /api/incidents/" + i.id() + "\n");
    }

    /** To the distro's members halfway to the deadline. */
    public Mail reminder(String incidentId) {
        Incident i = incidents.find(incidentId);
        return new Mail("Reminder: final report on leak incident due " + date(i.getReportDueAt()),
                "The final report on leak incident " + i.getId() + " is due by " + i.getReportDueAt() + ".\n\n"
                + "The list policy asks you to inform the reporter and the list of the exact extent of the leak "
                + "(to the best of your knowledge) and of the measures taken or intended to prevent such leaks.\n"
                + "File it in Tasklist or with POST /api/incidents/" + i.getId() + "/report "
                + "{\"extent\": \"...\", \"measures\": \"...\"}.\n");
    }

    /** To the list admins when the deadline passed without a report. */
    public Mail overdue(String incidentId) {
        IncidentView i = incidents.view(incidents.find(incidentId));
        return new Mail("Overdue: final report on leak incident of " + i.distroId(),
                "The final report on leak incident " + i.id() + " (" + i.reference() + ", distro " + i.distroId()
                + ") was due by " + i.reportDueAt() + " and is not in.\n\n"
                + "A task waits for you in Tasklist: keep waiting or escalate (or POST /api/incidents/" + i.id()
                + "/closure {\"outcome\": \"ESCALATED\", \"note\": \"...\"}).\n");
    }

    private static String date(Instant at) {
        return at.toString().substring(0, 10);
    }
}
