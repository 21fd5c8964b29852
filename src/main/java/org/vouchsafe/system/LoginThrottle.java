package org.vouchsafe.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and says how long an attempt must wait: the only lockout the
 * application has (Camunda's own is switched off, see {@code EngineHardeningPlugin}), and one
 * that always ends by itself.
 *
 * <p>Failures are counted twice, each within a sliding window: per username and client address,
 * and per username across all addresses. Past a threshold each further failure doubles the wait
 * (from {@code backoff} up to {@code maxBackoff}, counted from the last failure). The per-address
 * count stops one client guessing quickly; the per-username count stops guessing spread over
 * many addresses, which the per-address count alone would never see. An address the account
 * signed in from recently is exempt from the per-username wait, so that guessing from elsewhere
 * does not keep the account's owner out; it is still subject to its own per-address wait.
 * Another account is never affected: every count is keyed by username. A success clears the
 * pair's count, not the username's, so the owner signing in does not hand a distributed guesser
 * a fresh allowance.
 *
 * <p>Memory is bounded: at most {@code trackedKeys} pairs, usernames and sets of known
 * addresses (least recently seen forgotten first), each holding a fixed number of timestamps or
 * addresses. Every failure is logged at WARN with the username and the address — never the
 * password — so that guessing shows up in the logs. State is in memory and per instance.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Usernames longer than this are cut for the key and the log; no real account is that long. */
    private static final int MAX_USERNAME = 100;
    /** Addresses remembered per account as signed in from recently. */
    static final int KNOWN_ADDRESSES = 5;
    /** Beyond this many doublings the wait is at its cap whatever the settings; keeps the shift in range. */
    private static final int MAX_DOUBLINGS = 30;

    private final SecurityLimits.Login limits;
    private final Clock clock;
    /** Failures beyond a threshold past which the wait no longer grows; older ones need not be kept. */
    private final int doublingsToCap;
    /** All maps are access-ordered, so the least recently seen entry is dropped first; guarded by {@code this}. */
    private final Map<Key, Failures> pairs;
    private final Map<String, Failures> users;
    private final Map<String, Set<String>> knownAddresses;

    LoginThrottle(SecurityLimits limits, Clock clock) {
        this.limits = limits.login();
        this.clock = clock;
        this.doublingsToCap = doublingsToCap(this.limits.backoff(), this.limits.maxBackoff());
        this.pairs = bounded(this.limits.trackedKeys());
        this.users = bounded(this.limits.trackedKeys());
        this.knownAddresses = bounded(this.limits.trackedKeys());
    }

    /** How long this username must still wait before trying from this address, or empty if it may try now. */
    synchronized Optional<Duration> blockedFor(String username, String address) {
        Key key = Key.of(username, address);
        Instant now = clock.instant();
        Instant until = blockedUntil(pairs, key, now);
        if (!isKnown(key)) {
            Instant userUntil = blockedUntil(users, key.username(), now);
            until = userUntil.isAfter(until) ? userUntil : until;
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    synchronized void failed(String username, String address) {
        Key key = Key.of(username, address);
        Instant now = clock.instant();
        Failures pair = pairs.computeIfAbsent(key, k -> new Failures());
        Failures user = users.computeIfAbsent(key.username(), k -> new Failures());
        Duration pairWait = record(pair, now, limits.maxFailures());
        Duration userWait = record(user, now, limits.maxUserFailures());
        log.warn("Failed sign-in for user '{}' from {} ({} from this address, {} from any address within {}){}{}",
                key.username(), key.address(), count(pair, limits.maxFailures()),
                count(user, limits.maxUserFailures()), limits.window(),
                pairWait.isZero() ? "" : "; this address waits " + pairWait,
                userWait.isZero() ? "" : "; addresses it has not signed in from wait " + userWait);
    }

    synchronized void succeeded(String username, String address) {
        Key key = Key.of(username, address);
        pairs.remove(key);
        Set<String> known = knownAddresses.computeIfAbsent(key.username(), k -> new LinkedHashSet<>());
        // Re-adding moves the address to the end, so the oldest is the one dropped.
        known.remove(key.address());
        known.add(key.address());
        if (known.size() > KNOWN_ADDRESSES) {
            known.remove(known.iterator().next());
        }
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
        return pairs.size();
    }

    synchronized int trackedUsers() {
        return users.size();
    }

    /** Adds a failure at {@code now} and returns the wait it causes (zero below the threshold). */
    private Duration record(Failures failures, Instant now, int threshold) {
        expire(failures.times, now);
        failures.times.addLast(now);
        while (failures.times.size() > threshold + doublingsToCap) {
            failures.times.removeFirst();
        }
        int beyond = failures.times.size() - threshold;
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration wait = backoff(beyond);
        Instant until = now.plus(wait);
        if (until.isAfter(failures.blockedUntil)) {
            failures.blockedUntil = until;
        }
        return wait;
    }

    /** The counted failures for the log; once the wait is at its cap older ones are dropped, so it says "at least". */
    private String count(Failures failures, int threshold) {
        int count = failures.times.size();
        return count >= threshold + doublingsToCap ? count + "+" : String.valueOf(count);
    }

    /** The wait after the threshold's failure ({@code beyond} 0) and each further one: base, doubled, capped. */
    private Duration backoff(int beyond) {
        if (beyond >= doublingsToCap) {
            return limits.maxBackoff();
        }
        Duration wait = limits.backoff().multipliedBy(1L << beyond);
        return wait.compareTo(limits.maxBackoff()) > 0 ? limits.maxBackoff() : wait;
    }

    private <K> Instant blockedUntil(Map<K, Failures> map, K key, Instant now) {
        Failures failures = map.get(key);
        if (failures == null) {
            return Instant.MIN;
        }
        expire(failures.times, now);
        if (failures.times.isEmpty() && !failures.blockedUntil.isAfter(now)) {
            map.remove(key);
            return Instant.MIN;
        }
        return failures.blockedUntil;
    }

    private boolean isKnown(Key key) {
        Set<String> known = knownAddresses.get(key.username());
        return known != null && known.contains(key.address());
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant oldestCounted = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestCounted)) {
            times.removeFirst();
        }
    }

    private static int doublingsToCap(Duration backoff, Duration maxBackoff) {
        int doublings = 0;
        while (doublings < MAX_DOUBLINGS && backoff.multipliedBy(1L << doublings).compareTo(maxBackoff) < 0) {
            doublings++;
        }
        return doublings;
    }

    private static <K, V> Map<K, V> bounded(int maxEntries) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Basic and form login both fill in {@link WebAuthenticationDetails}; the result's details are copied from the request's. */
    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** The counted failures of a pair or a username (newest last), and until when it must wait. */
    private static final class Failures {

        final Deque<Instant> times = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
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
