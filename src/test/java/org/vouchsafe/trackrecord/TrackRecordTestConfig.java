package org.vouchsafe.trackrecord;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the JPA slice tests add to the slice: the service, the shipped DMN through a standalone
 * DMN engine, and a clock fixed at {@link #TODAY} so that "in the future" is stable.
 */
@TestConfiguration
@Import(TrackRecordService.class)
class TrackRecordTestConfig {

    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 27);

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    }

    @Bean
    TrackRecordRules trackRecordRules() {
        return new DmnFileRules();
    }
}
