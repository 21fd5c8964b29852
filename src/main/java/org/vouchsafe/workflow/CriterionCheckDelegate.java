package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.workflow.MembershipProcess.Activities;


/**
 * Runs the automated check of one criterion. The nine check tasks share this delegate; the
 * criterion number is the last digit of the task's id ({@code Task_CheckCriterion1} to
 * {@code 9}). Not a local input variable: each of those cost an insert and a delete in the
 * variable tables and their history, per check and per request (docs/performance.md, P1).
 */
@Component("criterionCheck")
class CriterionCheckDelegate implements JavaDelegate {

    private final CriteriaService criteria;

    CriterionCheckDelegate(CriteriaService criteria) {
        this.criteria = criteria;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int criterion = criterionOf(execution.getCurrentActivityId());
        CheckResult result = criteria.run(execution.getProcessBusinessKey(), criterion);
        // Transient: the pre-screen decision reads the nine outcomes in this same transaction, and the
        // outcomes themselves are stored with the criterion (request_criterion); as lasting variables they
        // cost an insert, a history row and a detail row each, and a delete at the end (P1).
        execution.getProcessInstance().setVariable(MembershipProcess.Variables.outcome(criterion),
                org.camunda.bpm.engine.variable.Variables.stringValue(result.outcome().name(), true));
    }

    static int criterionOf(String activityId) {
        if (activityId == null || !activityId.startsWith(Activities.CHECK_PREFIX)
                || activityId.length() != Activities.CHECK_PREFIX.length() + 1
                || !Character.isDigit(activityId.charAt(activityId.length() - 1))
                || activityId.endsWith("0")) {
            throw new IllegalStateException("criterionCheck runs on the tasks " + Activities.CHECK_PREFIX + "1 to 9, not on "
                    + activityId);
        }
        return activityId.charAt(activityId.length() - 1) - '0';
    }
}
