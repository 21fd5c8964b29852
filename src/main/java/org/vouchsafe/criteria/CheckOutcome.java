package org.vouchsafe.criteria;

/** The verdict of one automated check on one criterion. */
public enum CheckOutcome {
    /** The machine-checkable part of the criterion is met. */
    PASS,
    /** Met with a reservation that reviewers should look at. */
    CONCERN,
    /** Not met; the reasons say what is missing. */
    FAIL,
    /** A person must judge it; the reasons say what to look at. */
    MANUAL,
    /** Waiting for an action (a challenge answer, a signature, a vouch). */
    PENDING
}
