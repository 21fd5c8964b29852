package org.vouchsafe.incidents;

/**
 * Where an incident stands. Entered only through {@link IncidentService} (which the process model's
 * listeners and the REST twins of its tasks both reach), so the status has one owner.
 */
public enum IncidentStatus {
    /** Reported; the distro has not yet confirmed that it told the reporter and the list. */
    AWAITING_NOTICE,
    /** Notice confirmed; the final report (exact extent, measures) is due. */
    INVESTIGATING,
    /** The final report is in; a list admin judges it. */
    REPORT_SUBMITTED,
    /** Closed: the admin accepted the report. */
    ACCEPTED,
    /** Closed: the admin escalated (accountability or removal follows). */
    ESCALATED;

    public boolean open() {
        return this != ACCEPTED && this != ESCALATED;
    }
}
