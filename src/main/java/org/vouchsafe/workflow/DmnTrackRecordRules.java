package org.vouchsafe.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.vouchsafe.trackrecord.RulesVerdict;
import org.vouchsafe.trackrecord.TrackRecordRules;
import org.vouchsafe.trackrecord.TrackRecordStatistics;

/**
 * Criterion-3 thresholds from the DMN decision {@value TrackRecordRules#DECISION_KEY}
 * ({@code processes/track-record.dmn}). Evaluating by key always takes the latest deployed
 * version, so an admin who deploys a changed table changes the verdicts without a restart.
 */
@Component
public class DmnTrackRecordRules implements TrackRecordRules {

    private final DecisionService decisionService;

    public DmnTrackRecordRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    /**
     * Evaluating writes the decision's history (who judged what with which table version), so it
     * needs a writable transaction of its own: callers read in read-only transactions, which
     * PostgreSQL enforces.
     */
    @Override
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public RulesVerdict evaluate(TrackRecordStatistics statistics) {
        DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(TrackRecordRules.inputs(statistics))
                .evaluate();
        return RulesVerdict.fromDecisionRows(result.getResultList());
    }
}
