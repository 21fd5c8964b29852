package org.vouchsafe.incidents;

/**
 * A list admin closed a leak incident with an escalation (in the transaction of the closure), so
 * that the accountability and removal features can open what follows.
 *
 * @param incidentId the incident
 * @param distroId   the member distro that reported it
 * @param note       the admin's note, may be null
 */
public record IncidentEscalated(String incidentId, String distroId, String note) {
}
