package org.vouchsafe.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that protect sign-in and request parsing ({@code vouchsafe.security.*}).
 *
 * @param login how failed sign-ins are counted and when they lead to a refusal
 * @param body how large request bodies under {@code /api} may be
 */
@ConfigurationProperties("vouchsafe.security")
record SecurityLimits(@DefaultValue Login login, @DefaultValue Body body) {

    /**
     * How failed sign-ins slow down further attempts. Each failure counts for {@code window}. Once
     * a username has {@code maxFailures} counted failures from one address, or {@code maxUserFailures}
     * from all addresses together, further attempts wait {@code backoff}, doubled for each
     * further failure up to {@code maxBackoff}, counted from the last failure; attempts are refused
     * with 429 until then, before the password is checked. The account-wide wait does not apply to
     * an address the account signed in from recently. Every wait ends by itself.
     *
     * @param maxFailures failures of one username from one address before that address must wait
     * @param maxUserFailures failures of one username from all addresses together before every
     *        address it has not recently signed in from must wait
     * @param backoff the first wait; it doubles with each further failure
     * @param maxBackoff the longest wait, however many failures there are
     * @param window how long a failure counts; at least {@code maxBackoff}
     * @param trackedKeys how many username+address pairs, and how many usernames, are remembered;
     *        the least recently seen are forgotten first, so a flood of invented usernames cannot
     *        exhaust memory
     */
    record Login(@DefaultValue("5") int maxFailures, @DefaultValue("10") int maxUserFailures,
            @DefaultValue("1m") Duration backoff, @DefaultValue("15m") Duration maxBackoff,
            @DefaultValue("24h") Duration window, @DefaultValue("10000") int trackedKeys) {

        Login {
            if (maxFailures < 1 || maxUserFailures < 1 || trackedKeys < 1 || !positive(backoff)
                    || !positive(maxBackoff) || !positive(window)) {
                throw new IllegalArgumentException("vouchsafe.security.login.* must be positive");
            }
            // A wait must not outlive the failures behind it: an entry is forgotten when its last failure no longer counts.
            if (maxBackoff.compareTo(backoff) < 0 || window.compareTo(maxBackoff) < 0) {
                throw new IllegalArgumentException(
                        "vouchsafe.security.login: backoff <= max-backoff <= window is required");
            }
        }

        private static boolean positive(Duration duration) {
            return !duration.isNegative() && !duration.isZero();
        }
    }

    /**
     * @param maxJson the largest body of any {@code /api} request except uploads
     * @param maxUpload the largest body of an evidence upload ({@code POST /api/requests/{id}/track-record})
     */
    record Body(@DefaultValue("1MB") DataSize maxJson, @DefaultValue("10MB") DataSize maxUpload) {

        Body {
            if (maxJson.toBytes() < 1 || maxUpload.toBytes() < maxJson.toBytes()) {
                throw new IllegalArgumentException(
                        "vouchsafe.security.body.max-json must be positive and not above max-upload");
            }
        }
    }
}
