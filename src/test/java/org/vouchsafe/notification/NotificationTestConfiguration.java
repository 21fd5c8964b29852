package org.vouchsafe.notification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyPolicy;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.pgp.SignatureService;

/** The OpenPGP beans the mail service needs, and an SMTP client aimed at GreenMail. */
@TestConfiguration(proxyBeanMethods = false)
@Import({CertificateInspector.class, ListKey.class, SignatureService.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(PgpProperties.class)
class NotificationTestConfiguration {

    @Bean
    KeyPolicy keyPolicy() {
        return KeyPolicy.standard();
    }

    @Bean
    JavaMailSenderImpl javaMailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        return sender;
    }
}
