package org.vouchsafe.support;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/** Reads the record of sent mails ({@code sent_mail}), which every transport (SMTP or outbox) writes. */
public final class Mails {

    private final JdbcTemplate jdbc;

    public Mails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subject of the mail sent under this idempotency key, once it has been sent (mails go out in jobs). */
    public String awaitSent(String idempotencyKey) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !subjects(idempotencyKey).isEmpty());
        return subjects(idempotencyKey).get(0);
    }

    public List<String> subjects(String idempotencyKey) {
        return jdbc.queryForList("select subject from sent_mail where idempotency_key = ? and status = 'SENT'",
                String.class, idempotencyKey);
    }

    /** Recipients of the mails whose key starts with {@code prefix}. */
    public List<String> recipients(String prefix) {
        return jdbc.queryForList("select recipient from sent_mail where idempotency_key like ? order by recipient",
                String.class, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
    }
}
