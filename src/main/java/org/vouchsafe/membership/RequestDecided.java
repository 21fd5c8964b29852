package org.vouchsafe.membership;

import java.time.Instant;
import java.time.LocalDate;

/** The list admin decided on a request (in the transaction that records the decision). */
public record RequestDecided(String requestId, DecisionOutcome outcome, LocalDate effectiveDate, String decidedBy,
                             Instant at) {
}
