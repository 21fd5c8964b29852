package org.vouchsafe.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(limits(5, 3), clock);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoginThrottle.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void shouldBlockAfterFiveFailuresWithinFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("mallory", "203.0.113.9");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).isEmpty();

        throttle.failed("mallory", "203.0.113.9");

        // the first failure was at 10:00, so the pair may try again at 10:15; it is now 10:04
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).contains(Duration.ofMinutes(11));
        assertThat(throttle.blockedFor("mallory", "198.51.100.7")).as("another address").isEmpty();
        assertThat(throttle.blockedFor("alice", "203.0.113.9")).as("another user").isEmpty();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("mallory", "203.0.113.9");
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).isEmpty();
        throttle.failed("mallory", "203.0.113.9");
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).isEmpty();
    }

    @Test
    void shouldClearFailuresAfterASuccessfulSignIn() {
        for (int i = 0; i < 4; i++) {
            throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt("alice", "s3cret-guess"),
                    new BadCredentialsException("Bad credentials")));
        }
        throttle.onSuccess(new AuthenticationSuccessEvent(attempt("alice", "right")));
        throttle.failed("alice", "127.0.0.1");

        assertThat(throttle.blockedFor("alice", "127.0.0.1")).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "127.0.0.1");
        }
        assertThat(throttle.blockedFor("alice", "127.0.0.1")).isPresent();
    }

    @Test
    void shouldLogUsernameAndAddressButNeverThePassword() {
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt("mallory", "hunter2-password"),
                new BadCredentialsException("Bad credentials")));

        assertThat(logs.list).hasSize(1);
        ILoggingEvent event = logs.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).contains("mallory").contains("127.0.0.1").doesNotContain("hunter2");
    }

    @Test
    void shouldNotLetAUsernameForgeLogLines() {
        throttle.failed("mallory\nINFO admin signed in", "127.0.0.1");

        assertThat(logs.list.get(0).getFormattedMessage()).doesNotContain("\n");
    }

    @Test
    void shouldRememberOnlyABoundedNumberOfPairs() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "127.0.0.1");
        }

        assertThat(throttle.trackedPairs()).isEqualTo(3);
        assertThat(throttle.blockedFor("user9", "127.0.0.1")).isEmpty();
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("127.0.0.1");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    static SecurityLimits limits(int maxFailures, int trackedKeys) {
        return new SecurityLimits(new SecurityLimits.Login(maxFailures, Duration.ofMinutes(15), trackedKeys),
                new SecurityLimits.Body(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10)));
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
