package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.RequestStatusService;
import org.vouchsafe.membership.AdminDecisionService;

import static org.vouchsafe.workflow.MembershipProcess.Variables.REVIEW_SUMMARY;

/**
 * When a request reaches the admin: status AWAITING_DECISION and a fresh summary of the votes
 * and objections for the decision form.
 */
@Component("decisionStage")
class DecisionStageListener implements ExecutionListener {

    private final RequestStatusService statuses;
    private final FormSummaries summaries;
    private final AdminDecisionService decisions;

    DecisionStageListener(RequestStatusService statuses, FormSummaries summaries, AdminDecisionService decisions) {
        this.statuses = statuses;
        this.summaries = summaries;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        statuses.move(requestId, RequestStatus.AWAITING_DECISION);
        execution.setVariable(REVIEW_SUMMARY, summaries.votes(requestId));
        execution.setVariable(MembershipProcess.Variables.CHECKS_SUMMARY, summaries.checks(requestId));
        // A request coming back from a deferral must not show the previous decision pre-filled in the form.
        execution.setVariable(MembershipProcess.Variables.DECISION_OUTCOME, null);
        execution.setVariable(MembershipProcess.Variables.DECISION_REASON, null);
        execution.setVariable(MembershipProcess.Variables.DEFER_UNTIL,
                decisions.deferralDefault(requestId).map(Object::toString).orElse(null));
    }
}
