package org.vouchsafe.incidents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines of a leak incident, under {@code vouchsafe.incidents.*} (ISO-8601 durations). The
 * policy says "urgently (right after you became aware of the leak)" and sets no number: both
 * defaults are ours.
 *
 * @param notifyWithin from awareness to telling the reporter and the list; later notice is flagged (default PT24H)
 * @param reportWithin from the report (or the admin asking for more) to the final report; a reminder
 *                     goes out halfway, and after it the admins are told (default P14D)
 */
@ConfigurationProperties("vouchsafe.incidents")
public record IncidentProperties(@DefaultValue("PT24H") Duration notifyWithin, @DefaultValue("P14D") Duration reportWithin) {

    public IncidentProperties {
        if (notifyWithin.isNegative() || notifyWithin.isZero()) {
            throw new IllegalArgumentException("vouchsafe.incidents.notify-within must be a positive duration such as PT24H");
        }
        if (reportWithin.isNegative() || reportWithin.isZero()) {
            throw new IllegalArgumentException("vouchsafe.incidents.report-within must be a positive duration such as P14D");
        }
    }
}
