package org.vouchsafe.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.vouchsafe.problem.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTests {

    @Test
    void shouldRefuseTheRequestOverTheLimitAndSayWhenToRetry() {
        RateLimiter limiter = new RateLimiter(3, Clock.fixed(Instant.parse("2026-11-27T10:00:15Z"), ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("self-assessment", "10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.acquire("self-assessment", "10.0.0.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(45));
    }

    @Test
    void shouldCountEachClientSeparatelyAndStartAfreshEachMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        RateLimiter limiter = new RateLimiter(1, clock);
        limiter.acquire("self-assessment", "10.0.0.1");
        limiter.acquire("self-assessment", "10.0.0.2");
        clock.now = clock.now.plusSeconds(60);
        limiter.acquire("self-assessment", "10.0.0.1");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
