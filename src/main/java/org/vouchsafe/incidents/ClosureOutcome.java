package org.vouchsafe.incidents;

/** What a list admin makes of a final report (or of an incident whose report is overdue). */
public enum ClosureOutcome {
    /** The report is enough: the incident closes. */
    ACCEPTED,
    /** The distro files another report; the deadline starts again. */
    MORE_ASKED,
    /** The incident closes with an escalation recorded; {@link IncidentEscalated} is published. */
    ESCALATED
}
