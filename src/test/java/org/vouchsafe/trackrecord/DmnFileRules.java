package org.vouchsafe.trackrecord;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The shipped {@code processes/track-record.dmn}, evaluated by a standalone DMN engine (no
 * process engine, no Spring): the real thresholds at unit-test speed.
 */
final class DmnFileRules implements TrackRecordRules {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision DECISION = parse();

    private static DmnDecision parse() {
        try (InputStream in = DmnFileRules.class.getResourceAsStream("/processes/track-record.dmn")) {
            if (in == null) {
                throw new IllegalStateException("processes/track-record.dmn is not on the classpath");
            }
            return ENGINE.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates raw input variables, for boundary tests that set one figure at a time. */
    static RulesVerdict evaluate(Map<String, Object> variables) {
        return RulesVerdict.fromDecisionRows(ENGINE.evaluateDecisionTable(DECISION, variables).getResultList());
    }

    @Override
    public RulesVerdict evaluate(TrackRecordStatistics statistics) {
        return evaluate(TrackRecordRules.inputs(statistics));
    }
}
