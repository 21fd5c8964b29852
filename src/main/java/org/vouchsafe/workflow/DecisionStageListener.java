package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.RequestStatusService;

import static org.vouchsafe.workflow.MembershipProcess.Variables.REQUEST_ID;
import static org.vouchsafe.workflow.MembershipProcess.Variables.REVIEW_SUMMARY;

/**
 * When a request reaches the admin: status AWAITING_DECISION and a fresh summary of the votes
 * and objections for the decision form.
 */
@Component("decisionStage")
class DecisionStageListener implements ExecutionListener {

    private final RequestStatusService statuses;
    private final FormSummaries summaries;

    DecisionStageListener(RequestStatusService statuses, FormSummaries summaries) {
        this.statuses = statuses;
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requestId = (String) execution.getVariable(REQUEST_ID);
        statuses.move(requestId, RequestStatus.AWAITING_DECISION);
        execution.setVariable(REVIEW_SUMMARY, summaries.votes(requestId));
        execution.setVariable(MembershipProcess.Variables.CHECKS_SUMMARY, summaries.checks(requestId));
    }
}
