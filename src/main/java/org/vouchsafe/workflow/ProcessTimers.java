package org.vouchsafe.workflow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The durations of the membership process's reminder timers, as the ISO-8601 strings the timer
 * definitions read: {@code ${reminders.voteReminder()}} and so on.
 */
@Component("reminders")
@EnableConfigurationProperties(ReminderProperties.class)
public class ProcessTimers {

    private final ReminderProperties properties;

    ProcessTimers(ReminderProperties properties) {
        this.properties = properties;
    }

    public String voteReminder() {
        return properties.voteReminder().toString();
    }

    public String voteOverdue() {
        return properties.voteOverdue().toString();
    }

    public String replyReminder() {
        return properties.replyReminder().toString();
    }

    public String replyStale() {
        return properties.replyStale().toString();
    }
}
