package org.vouchsafe.incidents;

import io.swagger.v3.oas.annotations.media.Schema;

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
public record IncidentInput(
        @Schema(description = "The list the information came from", allowableValues = {"linux-distros", "distros"})
        String list,
        @Schema(description = "A reference to the issue: the thread's subject or an id. Never the embargoed details.",
                maxLength = IncidentRules.MAX_REFERENCE)
        String reference,
        @Schema(description = "When the distro became aware of the leak (ISO-8601); not in the future",
                example = "2026-12-01T10:00:00Z")
        String awareAt,
        @Schema(description = "The extent, if readily known: who got what. A reference, never the embargoed details.",
                maxLength = IncidentRules.MAX_INITIAL_EXTENT, nullable = true)
        String extent,
        @Schema(description = "List admins only: the member distro reported for (its id, the slug of its name)",
                nullable = true)
        String distroId) {
}
