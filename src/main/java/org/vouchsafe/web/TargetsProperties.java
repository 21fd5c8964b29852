package org.vouchsafe.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request may take before the dashboard calls it overdue, counted from filing:
 * {@code vouchsafe.targets.review} for the review (until the admin's decision is due) and
 * {@code vouchsafe.targets.decision} for the admin's decision. ISO-8601 durations.
 */
@ConfigurationProperties("vouchsafe.targets")
public record TargetsProperties(@DefaultValue("P14D") Duration review, @DefaultValue("P30D") Duration decision) {

    public TargetsProperties {
        if (review.isNegative() || review.isZero() || decision.isNegative() || decision.isZero()) {
            throw new IllegalArgumentException("vouchsafe.targets.review and vouchsafe.targets.decision must be positive durations such as P14D");
        }
    }
}
