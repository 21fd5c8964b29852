package org.vouchsafe.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.vouchsafe.pgp.ChallengeWorkflow;

/** Ends the wait for challenge answers, correlating by business key (the request id). */
@Component
class CamundaChallengeWorkflow implements ChallengeWorkflow {

    private final RuntimeService runtime;

    CamundaChallengeWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void challengesSettled(String requestId) {
        // correlateAll: nothing waits when the challenge process has already ended (expired, or the request
        // was decided), and that is not an error for the requester who just answered
        CamundaWorkflow.engine(() -> {
            runtime.createMessageCorrelation(ChallengeProcess.Messages.CHALLENGES_SETTLED)
                    .processInstanceBusinessKey(requestId).correlateAll();
            return null;
        });
    }
}
