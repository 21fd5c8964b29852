package org.vouchsafe.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings under {@code vouchsafe.mail.*}. The SMTP server itself is Spring's
 * {@code spring.mail.*}; without {@code spring.mail.host} mails go to {@code <vouchsafe.data-dir>/outbox/}.
 *
 * @param from {@code vouchsafe.mail.from}: the sender address
 */
@ConfigurationProperties("vouchsafe.mail")
public record NotificationProperties(@DefaultValue("Vouchsafe <vouchsafe@localhost>") String from) {
}
