package org.vouchsafe.accountability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vouchsafe.accountability.*}.
 *
 * @param answerWithin    how long the distro's people have to answer (default P14D); they are reminded
 *                        halfway, and without an answer the request goes to the list admins
 * @param membersMayRaise whether members (not only list admins) may raise a request (default false: ours)
 */
@ConfigurationProperties("vouchsafe.accountability")
public record AccountabilityProperties(@DefaultValue("P14D") Duration answerWithin,
                                       @DefaultValue("false") boolean membersMayRaise) {

    public AccountabilityProperties {
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("vouchsafe.accountability.answer-within must be a positive duration");
        }
    }

    /** The reminder goes out halfway to the deadline. */
    public Duration reminderAfter() {
        return answerWithin.dividedBy(2);
    }
}
