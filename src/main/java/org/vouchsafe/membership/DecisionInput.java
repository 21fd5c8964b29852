package org.vouchsafe.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/requests/{id}/decision}.
 *
 * @param exceptions with an approval: the criteria (6, 8, 9) a named requester is subscribed without
 *                   having proved, each with the admin's reason; may be null
 */
public record DecisionInput(String outcome, String reason, LocalDate effectiveDate, List<ExceptionInput> exceptions) {

    public DecisionInput(String outcome, String reason, LocalDate effectiveDate) {
        this(outcome, reason, effectiveDate, List.of());
    }

    /** The exceptions given, never null. */
    public List<ExceptionInput> exceptionsGiven() {
        return exceptions == null ? List.of() : exceptions;
    }

    /** One exception: {@code criterion} (6, 8 or 9) is waived for the requester {@code email}, because {@code reason}. */
    public record ExceptionInput(String email, Integer criterion, String reason) {
    }
}
