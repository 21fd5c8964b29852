package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.RequestStatusService;


/**
 * Keeps the request's public status in step with the process: the model calls
 * {@code ${requestStatus.enter(execution, 'IN_REVIEW')}} when a stage starts.
 */
@Component("requestStatus")
public class RequestStatusListener {

    private final RequestStatusService statuses;

    RequestStatusListener(RequestStatusService statuses) {
        this.statuses = statuses;
    }

    public void enter(DelegateExecution execution, String status) {
        statuses.move(execution.getProcessBusinessKey(), RequestStatus.valueOf(status));
    }
}
