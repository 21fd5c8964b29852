package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;

import static org.vouchsafe.workflow.MembershipProcess.Variables.CRITERION;
import static org.vouchsafe.workflow.MembershipProcess.Variables.REQUEST_ID;

/**
 * Runs the automated check of one criterion. The nine check tasks share this delegate; each
 * passes its criterion number as the local input {@code criterion}.
 */
@Component("criterionCheck")
class CriterionCheckDelegate implements JavaDelegate {

    private final CriteriaService criteria;

    CriterionCheckDelegate(CriteriaService criteria) {
        this.criteria = criteria;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int criterion = Integer.parseInt(String.valueOf(execution.getVariableLocal(CRITERION)));
        CheckResult result = criteria.run((String) execution.getVariable(REQUEST_ID), criterion);
        execution.getProcessInstance().setVariable(MembershipProcess.Variables.outcome(criterion), result.outcome().name());
    }
}
