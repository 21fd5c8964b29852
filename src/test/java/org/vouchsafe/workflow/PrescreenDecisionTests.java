package org.vouchsafe.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** processes/prescreen.dmn: any FAIL goes to the list admin first, everything else to the reviewers. */
class PrescreenDecisionTests {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = PrescreenDecisionTests.class.getClassLoader().getResourceAsStream("processes/prescreen.dmn")) {
            assertThat(dmn).as("processes/prescreen.dmn on the classpath").isNotNull();
            decision = engine.parseDecision(MembershipProcess.PRESCREEN_DECISION, dmn);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASS", "MANUAL", "CONCERN", "PENDING"})
    void shouldSendToReviewWhenNoCheckFailed(String outcome) {
        assertThat(route(outcomes(outcome))).isEqualTo(MembershipProcess.Routes.REVIEW);
    }

    @Test
    void shouldSendAMixWithoutFailureToReview() {
        // given: what a typical filing gets today
        Map<String, Object> outcomes = outcomes("PASS");
        outcomes.put(MembershipProcess.Variables.outcome(2), "MANUAL");
        outcomes.put(MembershipProcess.Variables.outcome(3), "MANUAL");
        outcomes.put(MembershipProcess.Variables.outcome(5), "CONCERN");
        outcomes.put(MembershipProcess.Variables.outcome(8), "PENDING");
        outcomes.put(MembershipProcess.Variables.outcome(9), "MANUAL");

        // when / then
        assertThat(route(outcomes)).isEqualTo(MembershipProcess.Routes.REVIEW);
    }

    @ParameterizedTest(name = "FAIL of criterion {0}")
    @MethodSource("criteria")
    void shouldSendASingleFailureToTheAdmin(int criterion) {
        Map<String, Object> outcomes = outcomes("PASS");
        outcomes.put(MembershipProcess.Variables.outcome(criterion), "FAIL");

        assertThat(route(outcomes)).isEqualTo(MembershipProcess.Routes.ADMIN);
    }

    @ParameterizedTest(name = "FAIL of criterion {0} among concerns")
    @MethodSource("criteria")
    void shouldSendAFailureAmongOtherOutcomesToTheAdmin(int criterion) {
        Map<String, Object> outcomes = outcomes("CONCERN");
        outcomes.put(MembershipProcess.Variables.outcome(criterion), "FAIL");

        assertThat(route(outcomes)).isEqualTo(MembershipProcess.Routes.ADMIN);
    }

    @Test
    void shouldSendSeveralFailuresToTheAdminOnce() {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, outcomes("FAIL"));

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleEntry()).isEqualTo(MembershipProcess.Routes.ADMIN);
    }

    static Stream<Integer> criteria() {
        return IntStream.rangeClosed(1, 9).boxed();
    }

    private static Map<String, Object> outcomes(String outcome) {
        Map<String, Object> variables = new HashMap<>();
        for (int n = 1; n <= 9; n++) {
            variables.put(MembershipProcess.Variables.outcome(n), outcome);
        }
        return variables;
    }

    private static String route(Map<String, Object> outcomes) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, outcomes);
        return result.getSingleResult().getSingleEntry();
    }
}
