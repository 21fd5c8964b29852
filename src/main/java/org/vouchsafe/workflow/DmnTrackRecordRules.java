package org.vouchsafe.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionOperations ownTransaction;

    @Autowired
    public DmnTrackRecordRules(DecisionService decisionService, PlatformTransactionManager transactionManager) {
        this(decisionService, newTransactions(transactionManager));
    }

    /** {@code ownTransaction} runs an evaluation for a caller without a writable transaction. */
    public DmnTrackRecordRules(DecisionService decisionService, TransactionOperations ownTransaction) {
        this.decisionService = decisionService;
        this.ownTransaction = ownTransaction;
    }

    private static TransactionOperations newTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    /**
     * Evaluating writes the decision's history (who judged what with which table version), so it
     * needs a writable transaction: a writable caller's (filing, an upload), or, for callers that
     * read in read-only transactions (which PostgreSQL enforces), one of its own.
     *
     * <p>Not always a new one: a new transaction takes a second pooled connection while the
     * caller's is held, and when every filing did that, concurrent filings held all connections
     * while each waited for a second one, until the pool's timeout (docs/performance.md, load run).
     */
    @Override
    public RulesVerdict evaluate(TrackRecordStatistics statistics) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return evaluateHere(statistics);
        }
        return ownTransaction.execute(status -> evaluateHere(statistics));
    }

    private RulesVerdict evaluateHere(TrackRecordStatistics statistics) {
        DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(TrackRecordRules.inputs(statistics))
                .evaluate();
        return RulesVerdict.fromDecisionRows(result.getResultList());
    }
}
