package org.vouchsafe.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and client address and says when a pair must wait.
 * Failures older than the window no longer count (a sliding window), a successful sign-in
 * clears the pair, and only a bounded number of pairs is remembered. Every failure is logged
 * at WARN with the username and the address — never the password — so that guessing shows up
 * in the logs. Counting per pair (not per username alone) keeps an attacker from locking a
 * reviewer out from elsewhere; spreading guesses over many addresses is for the proxy's rate
 * limit (see docs/security.md).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Usernames longer than this are cut for the key and the log; no real account is that long. */
    private static final int MAX_USERNAME = 100;

    private final int maxFailures;
    private final Duration window;
    private final int trackedKeys;
    private final Clock clock;
    /** Access-ordered, so the least recently seen pair is dropped first; guarded by {@code this}. */
    private final Map<Key, Deque<Instant>> failures;

    LoginThrottle(SecurityLimits limits, Clock clock) {
        this.maxFailures = limits.login().maxFailures();
        this.window = limits.login().window();
        this.trackedKeys = limits.login().trackedKeys();
        this.clock = clock;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Deque<Instant>> eldest) {
                return size() > LoginThrottle.this.trackedKeys;
            }
        };
    }

    /** How long the pair must still wait, or empty if it may try to sign in. */
    synchronized Optional<Duration> blockedFor(String username, String address) {
        Key key = Key.of(username, address);
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        expire(times, now);
        if (times.isEmpty()) {
            failures.remove(key);
            return Optional.empty();
        }
        if (times.size() < maxFailures) {
            return Optional.empty();
        }
        // Sliding window: the pair may try again once the oldest counted failure has aged out.
        return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }

    synchronized void failed(String username, String address) {
        Key key = Key.of(username, address);
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        expire(times, now);
        times.addLast(now);
        // Only the newest maxFailures matter for the decision; older ones would just use memory.
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        log.warn("Failed sign-in for user '{}' from {} ({} within {})", key.username(), key.address(), times.size(),
                window);
    }

    synchronized void succeeded(String username, String address) {
        failures.remove(Key.of(username, address));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    synchronized int trackedPairs() {
        return failures.size();
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant oldestCounted = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestCounted)) {
            times.removeFirst();
        }
    }

    /** Basic and form login both fill in {@link WebAuthenticationDetails}; the result's details are copied from the request's. */
    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** A username and a client address, cleaned so that neither can forge log lines. */
    record Key(String username, String address) {

        static Key of(String username, String address) {
            return new Key(clean(username), clean(address));
        }

        private static String clean(String value) {
            if (value == null) {
                return "?";
            }
            String cut = value.length() > MAX_USERNAME ? value.substring(0, MAX_USERNAME) : value;
            return cut.replaceAll("\\p{Cntrl}", "_");
        }
    }
}
