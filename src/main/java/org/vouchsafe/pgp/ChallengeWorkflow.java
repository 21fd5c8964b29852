package org.vouchsafe.pgp;

/** The part of the process the challenges drive, implemented by the workflow package. */
public interface ChallengeWorkflow {

    /**
     * No challenge of the request is open any more (each answered or failed): the waiting for
     * answers ends, with its reminder and expiry timers. Does nothing when nothing waits.
     */
    void challengesSettled(String requestId);
}
