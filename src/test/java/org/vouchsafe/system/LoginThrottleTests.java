package org.vouchsafe.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lockout policy with the default settings (5 failures per address, 10 per account, a wait
 * of 1 minute doubling up to 15, failures counting for a day) on a clock the test moves.
 */
class LoginThrottleTests {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(limits(10_000), clock);
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
    void shouldMakeAnAddressWaitAMinuteAfterFiveFailuresAndDoubleTheWaitUpToFifteen() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("mallory", "203.0.113.9");
        }
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            throttle.failed("mallory", "203.0.113.9");
            Duration wait = throttle.blockedFor("mallory", "203.0.113.9").orElseThrow();
            waits.add(wait);
            clock.advance(wait);
        }

        assertThat(waits).containsExactly(minutes(1), minutes(2), minutes(4), minutes(8), minutes(15), minutes(15),
                minutes(15));
    }

    @Test
    void shouldNotMakeAnotherAccountOrTheSameAccountElsewhereWaitForOneAddressesFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("mallory", "203.0.113.9");
        }

        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).contains(minutes(1));
        assertThat(throttle.blockedFor("mallory", "198.51.100.7")).as("the account from another address").isEmpty();
        assertThat(throttle.blockedFor("alice", "203.0.113.9")).as("another account from that address").isEmpty();
    }

    @Test
    void shouldMakeEveryNewAddressWaitAfterTenFailuresSpreadOverManyAddresses() {
        for (int i = 1; i <= 9; i++) {
            throttle.failed("admin", "198.51.100." + i);
        }
        assertThat(throttle.blockedFor("admin", "203.0.113.1")).isEmpty();

        throttle.failed("admin", "198.51.100.10");

        assertThat(throttle.blockedFor("admin", "203.0.113.1")).as("an address that never failed").contains(minutes(1));
        assertThat(throttle.blockedFor("admin", "198.51.100.1")).contains(minutes(1));
        assertThat(throttle.blockedFor("alice", "198.51.100.1")).as("another account").isEmpty();
    }

    @Test
    void shouldLetTheAccountInFromAnAddressItSignedInFromWhileOthersGuess() {
        // given: the admin signed in from the office, then guessing from many addresses
        throttle.succeeded("admin", "192.0.2.10");
        for (int i = 1; i <= 30; i++) {
            throttle.failed("admin", "198.51.100." + i);
        }
        assertThat(throttle.blockedFor("admin", "203.0.113.1")).isPresent();

        // then: the office is not held up by guesses from elsewhere
        assertThat(throttle.blockedFor("admin", "192.0.2.10")).isEmpty();

        // but guessing from the office itself waits like anywhere else
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "192.0.2.10");
        }
        assertThat(throttle.blockedFor("admin", "192.0.2.10")).isPresent();
    }

    @Test
    void shouldLetTheRightPasswordInAfterTheWaitEvenAfterFiftyFailuresForAdminFromManyAddresses() {
        // given: 50 wrong passwords for admin, each from another address, each sent as soon as allowed
        Instant start = clock.instant();
        for (int i = 1; i <= 50; i++) {
            String address = "198.51.100." + i;
            Optional<Duration> wait = throttle.blockedFor("admin", address);
            if (wait.isPresent()) {
                assertThat(wait.get()).isLessThanOrEqualTo(LONGEST_WAIT);
                clock.advance(wait.get());
                assertThat(throttle.blockedFor("admin", address)).isEmpty();
            }
            throttle.failed("admin", address);
            assertThat(throttle.blockedFor("reviewer1", address)).as("another account").isEmpty();
        }
        // (without the back-off, 50 guesses would take no time at all; now 10 go at once, then 4 an hour)
        assertThat(Duration.between(start, clock.instant())).isGreaterThan(Duration.ofHours(9));

        // when: the admin tries from anywhere, the wait is at most the longest one
        Duration wait = throttle.blockedFor("admin", "203.0.113.1").orElseThrow();
        assertThat(wait).isLessThanOrEqualTo(LONGEST_WAIT);
        assertThat(throttle.blockedFor("admin", "198.51.100.50")).contains(wait);

        // then: once it is over, every address may try the password again, and the right one signs in
        clock.advance(wait);
        assertThat(throttle.blockedFor("admin", "203.0.113.1")).isEmpty();
        assertThat(throttle.blockedFor("admin", "198.51.100.50")).isEmpty();
        throttle.succeeded("admin", "203.0.113.1");
        assertThat(throttle.blockedFor("admin", "203.0.113.1")).isEmpty();
    }

    @Test
    void shouldForgetFailuresAfterADay() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("mallory", "203.0.113.9");
        }
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).contains(LONGEST_WAIT);

        clock.advance(LONGEST_WAIT);
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).as("the wait is over").isEmpty();
        throttle.failed("mallory", "203.0.113.9");
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).as("but the failures still count").contains(LONGEST_WAIT);

        clock.advance(Duration.ofDays(1));

        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).isEmpty();
        throttle.failed("mallory", "203.0.113.9");
        assertThat(throttle.blockedFor("mallory", "203.0.113.9")).as("one failure that counts").isEmpty();
        assertThat(throttle.blockedFor("mallory", "198.51.100.7")).isEmpty();
    }

    @Test
    void shouldClearTheAddressesFailuresAfterASuccessfulSignInButKeepTheAccountsCount() {
        for (int i = 0; i < 4; i++) {
            throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt("alice", "s3cret-guess"),
                    new BadCredentialsException("Bad credentials")));
        }
        throttle.onSuccess(new AuthenticationSuccessEvent(attempt("alice", "right")));
        throttle.failed("alice", "127.0.0.1");
        assertThat(throttle.blockedFor("alice", "127.0.0.1")).as("the address starts afresh").isEmpty();

        // the owner's success does not give guessers elsewhere a fresh allowance: 5 + 5 = 10 for the account
        for (int i = 1; i <= 5; i++) {
            throttle.failed("alice", "198.51.100." + i);
        }
        assertThat(throttle.blockedFor("alice", "203.0.113.1")).isPresent();
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
    void shouldRememberOnlyABoundedNumberOfPairsAndAccounts() {
        LoginThrottle small = new LoginThrottle(limits(3), clock);
        for (int i = 0; i < 10; i++) {
            small.failed("user" + i, "127.0.0.1");
        }

        assertThat(small.trackedPairs()).isEqualTo(3);
        assertThat(small.trackedUsers()).isEqualTo(3);
        assertThat(small.blockedFor("user9", "127.0.0.1")).isEmpty();
    }

    @Test
    void shouldRefuseSettingsUnderWhichAWaitOutlivesTheFailuresBehindIt() {
        assertThatThrownBy(() -> new SecurityLimits.Login(5, 10, minutes(1), minutes(15), minutes(10), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-backoff <= window");
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("127.0.0.1");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    /** The defaults of {@code vouchsafe.security.login.*}, remembering at most {@code trackedKeys} of each kind. */
    static SecurityLimits limits(int trackedKeys) {
        return new SecurityLimits(new SecurityLimits.Login(5, 10, minutes(1), LONGEST_WAIT, Duration.ofDays(1), trackedKeys),
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
        public Instant instant() {
            return now;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
