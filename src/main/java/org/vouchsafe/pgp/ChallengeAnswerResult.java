package org.vouchsafe.pgp;

/**
 * What came of one answer to a challenge.
 *
 * @param outcome          what happened
 * @param status           the challenge's status afterwards
 * @param wrongAnswers     wrong answers counted so far
 * @param remainingAttempts answers left before the challenge fails
 * @param message          a sentence for the requester
 */
public record ChallengeAnswerResult(Outcome outcome, ChallengeStatus status, int wrongAnswers, int remainingAttempts,
        String message) {

    /** What an answer can lead to. */
    public enum Outcome {
        /** Correct: the challenge is now ANSWERED. */
        CORRECT,
        /** Wrong, counted; attempts remain. */
        WRONG,
        /** Wrong, and it was the last allowed attempt: the challenge is now FAILED. */
        FAILED,
        /** Refused: the challenge was already answered (a replayed answer). */
        ALREADY_ANSWERED,
        /** Refused: the challenge had already failed. */
        ALREADY_FAILED,
        /** Refused: the challenge has expired. */
        EXPIRED,
        /** Refused without counting: empty or longer than any answer can be. */
        MALFORMED
    }

    /** True only for a correct answer. */
    public boolean accepted() {
        return outcome == Outcome.CORRECT;
    }
}
