package org.vouchsafe.intake;

import java.time.Instant;

/**
 * A request entered a new status. Published by {@link RequestStatusService}, the one place a status
 * changes, inside the transaction of the change, for features (and tests) that follow a request
 * through its stages without asking intake.
 */
public record RequestStatusChanged(String requestId, RequestStatus from, RequestStatus to, Instant at) {
}
