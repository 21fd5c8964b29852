package org.vouchsafe.membership;

import java.time.LocalDate;

/** Body of {@code POST /api/requests/{id}/decision}. */
public record DecisionInput(String outcome, String reason, LocalDate effectiveDate) {
}
