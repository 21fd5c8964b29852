package org.vouchsafe.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the membership process waits before reminding, under {@code vouchsafe.reminders.*}
 * (ISO-8601 durations, e.g. {@code P7D}). A timer takes the value when it starts, so a change
 * applies to waits that begin after a restart.
 *
 * @param voteReminder  a reviewer who has not voted after this long is reminded (default P7D)
 * @param voteOverdue   after this long the list admins are told who is late (default P14D)
 * @param replyReminder requesters with open questions are reminded after this long (default P7D)
 * @param replyStale    unanswered questions after this long send the request to the admin as stale (default P30D)
 */
@ConfigurationProperties("vouchsafe.reminders")
public record ReminderProperties(@DefaultValue("P7D") Duration voteReminder, @DefaultValue("P14D") Duration voteOverdue,
                                 @DefaultValue("P7D") Duration replyReminder, @DefaultValue("P30D") Duration replyStale) {

    public ReminderProperties {
        for (Duration d : new Duration[] {voteReminder, voteOverdue, replyReminder, replyStale}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("vouchsafe.reminders.* must be positive durations");
            }
        }
    }
}
