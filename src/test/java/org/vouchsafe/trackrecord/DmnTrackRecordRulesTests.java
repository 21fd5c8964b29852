package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.workflow.DmnTrackRecordRules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's rules adapter against a real process engine: it evaluates the latest
 * deployed version, so an admin's redeployment changes verdicts without a restart.
 */
class DmnTrackRecordRulesTests {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:track-record-rules;DB_CLOSE_DELAY=-1");
        config.setIdGenerator(new StrongUuidGenerator());
        config.setJobExecutorActivate(false);
        config.setDatabaseSchemaUpdate("create-drop");
        config.setProcessEngineName("track-record-rules");
        engine = config.buildProcessEngine();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String shippedTable() throws IOException {
        try (InputStream in = DmnTrackRecordRulesTests.class.getResourceAsStream("/processes/track-record.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deploy(String dmn) {
        engine.getRepositoryService().createDeployment().name("track-record")
                .addString("track-record.dmn", dmn).deploy();
    }

    /** 20 fast fixes over 500 days. */
    private static TrackRecordStatistics fiveHundredDays() {
        LocalDate filed = LocalDate.of(2026, 11, 27);
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate published = filed.minusDays(500 - 25L * i);
            entries.add(new TrackRecordEntryInput("CVE-2026-4" + i, published, published.plusDays(2), true,
                    "https://example.org/" + i, null));
        }
        return new TrackRecordStatisticsCalculator().calculate(entries, filed);
    }

    @Test
    void shouldPickUpANewlyDeployedVersionWithoutRestart() throws IOException {
        DmnTrackRecordRules rules = new DmnTrackRecordRules(engine.getDecisionService(),
                org.springframework.transaction.support.TransactionOperations.withoutTransaction());
        TrackRecordStatistics stats = fiveHundredDays();

        // given the shipped table: 500 days is long enough
        deploy(shippedTable());
        assertThat(rules.evaluate(stats).outcome()).isEqualTo(CheckOutcome.PASS);

        // when an admin deploys a version that asks for two years
        deploy(shippedTable()
                .replace("<inputEntry id=\"Rule_SpanTooShort_Span\"><text>&lt; 365</text>",
                        "<inputEntry id=\"Rule_SpanTooShort_Span\"><text>&lt; 730</text>")
                .replace("<outputEntry id=\"Rule_SpanTooShort_Limit\"><text>365</text>",
                        "<outputEntry id=\"Rule_SpanTooShort_Limit\"><text>730</text>"));

        // then the same adapter instance applies it, and the forecast follows the new limit
        RulesVerdict verdict = rules.evaluate(stats);
        assertThat(verdict.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(verdict.finding(TrackRecordFinding.Reason.SPAN_TOO_SHORT).orElseThrow().limit()).isEqualTo(730.0);
        TrackRecordAssessment a = TrackRecordReasons.assessment(stats, verdict, false);
        assertThat(a.deferDefault()).contains(stats.earliestPublicDate().plusDays(730));
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(TrackRecordRules.DECISION_KEY).latestVersion().singleResult().getVersion())
                .isEqualTo(2);
    }
}
