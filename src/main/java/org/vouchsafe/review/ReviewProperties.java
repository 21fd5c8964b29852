package org.vouchsafe.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a review round closes: {@code vouchsafe.review.quorum} approvals without objection
 * open an objection window of {@code vouchsafe.review.objection-window} (ISO-8601, e.g. P7D).
 */
@ConfigurationProperties("vouchsafe.review")
public record ReviewProperties(@DefaultValue("3") int quorum, @DefaultValue("P7D") Duration objectionWindow) {

    public ReviewProperties {
        if (quorum < 1) {
            throw new IllegalArgumentException("vouchsafe.review.quorum must be at least 1");
        }
        if (objectionWindow.isNegative() || objectionWindow.isZero()) {
            throw new IllegalArgumentException("vouchsafe.review.objection-window must be a positive duration such as P7D");
        }
    }
}
