package org.vouchsafe.incidents;

/**
 * A leak report as the API takes it. References only: {@code reference} names the issue (the
 * thread's subject or an id), never its embargoed details, and the lengths enforce that.
 *
 * @param list      the list the information came from ({@code linux-distros} or {@code distros})
 * @param reference the thread subject or an id, at most {@value IncidentRules#MAX_REFERENCE} characters
 * @param awareAt   when the distro became aware of the leak (ISO-8601 instant), not in the future
 * @param extent    the extent if readily known, at most {@value IncidentRules#MAX_INITIAL_EXTENT} characters
 * @param distroId  for list admins reporting on a member distro's behalf; members leave it out
 */
public record IncidentInput(String list, String reference, String awareAt, String extent, String distroId) {
}
