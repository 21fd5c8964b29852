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
     * @param maxFailures failed sign-ins of one username from one address that are allowed within
     *        {@code window}; the next attempt is answered 429 until the oldest failure is older than the window
     * @param window how long a failure counts
     * @param trackedKeys how many username+address pairs are remembered; the least recently seen are
     *        forgotten first, so a flood of invented usernames cannot exhaust memory
     */
    record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("10000") int trackedKeys) {

        Login {
            if (maxFailures < 1 || trackedKeys < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("vouchsafe.security.login.* must be positive");
            }
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
