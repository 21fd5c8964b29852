package org.vouchsafe.intake;

/** Where a membership request stands, as the public API reports it. */
public enum RequestStatus {
    SUBMITTED, IN_REVIEW, NEEDS_INFO, OBJECTION_WINDOW, AWAITING_DECISION, APPROVED, REJECTED, DEFERRED, WITHDRAWN;

    /** Closed requests no longer block a new request from the same distro. */
    public boolean isClosed() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    /**
     * Decided by the list admin (approved, rejected, deferred) or withdrawn by the applicant: no
     * longer withdrawn, nor its vouching reopened.
     */
    public boolean isDecided() {
        return isClosed() || this == DEFERRED;
    }
}
