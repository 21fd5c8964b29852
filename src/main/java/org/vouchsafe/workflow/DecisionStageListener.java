package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.membership.AdminDecisionService;

import static org.vouchsafe.workflow.MembershipProcess.Variables.REVIEW_SUMMARY;

/**
 * When a request reaches the admin: a fresh summary of the votes and objections, and the per-person
 * table of who an approval would subscribe, for the decision form (the status, AWAITING_DECISION, is entered by the model's own listener on the same gateway).
 */
@Component("decisionStage")
class DecisionStageListener implements ExecutionListener {

    private final FormSummaries summaries;
    private final AdminDecisionService decisions;

    DecisionStageListener(FormSummaries summaries, AdminDecisionService decisions) {
        this.summaries = summaries;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        execution.setVariable(REVIEW_SUMMARY, summaries.votes(requestId));
        execution.setVariable(MembershipProcess.Variables.CHECKS_SUMMARY, summaries.checks(requestId));
        execution.setVariable(MembershipProcess.Variables.ADMISSION_SUMMARY, summaries.admission(requestId));
        // A request coming back from a deferral must not show the previous decision pre-filled in the form.
        // Only what exists is cleared: setting an absent variable to null would create it (and its history).
        for (String field : new String[] {MembershipProcess.Variables.DECISION_OUTCOME, MembershipProcess.Variables.DECISION_REASON,
                MembershipProcess.Variables.DEFER_UNTIL}) {
            if (execution.hasVariable(field)) {
                execution.removeVariable(field);
            }
        }
        decisions.deferralDefault(requestId).ifPresent(date -> execution.setVariable(MembershipProcess.Variables.DEFER_UNTIL,
                date.toString()));
    }
}
