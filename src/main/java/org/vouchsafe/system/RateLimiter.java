package org.vouchsafe.system;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vouchsafe.problem.TooManyRequestsException;

/**
 * A fixed-window limit per endpoint and client address for the endpoints anonymous callers may
 * use. In memory and per node: enough to stop one client hammering the checks; a shared
 * limit belongs in the reverse proxy.
 */
@Component
public class RateLimiter {

    /** Windows older than this many are dropped, so the map cannot grow without bound. */
    private static final int MAX_KEYS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(@Value("${vouchsafe.rate-limit.self-assessment-per-minute:20}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public void acquire(String endpoint, String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window w = windows.compute(endpoint + "|" + client, (k, old) ->
                old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (w.count() > perMinute) {
            long retryAfter = 60 - (clock.millis() / 1000) % 60;
            throw new TooManyRequestsException("More than " + perMinute + " requests a minute from your address; try again in "
                    + retryAfter + " seconds.", retryAfter);
        }
    }

    private record Window(long minute, int count) {
    }
}
