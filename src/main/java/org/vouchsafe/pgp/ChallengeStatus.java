package org.vouchsafe.pgp;

/** Where a challenge stands. */
public enum ChallengeStatus {
    /** Issued, waiting for the answer. */
    OPEN,
    /** Answered correctly; the requester reads mail encrypted to their key. */
    ANSWERED,
    /** Too many wrong answers ({@value ChallengeService#MAX_WRONG_ANSWERS}). */
    FAILED,
    /** Not answered in time. */
    EXPIRED
}
