package org.vouchsafe.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Sends notifications as PGP/MIME, at most once per idempotency key.
 * <p>
 * Transport: SMTP through Spring Mail when {@code spring.mail.host} is set; otherwise each mail is
 * written as {@code <vouchsafe.data-dir>/outbox/<idempotency key>.eml} and logged, so the embedded
 * default needs no mail server.
 * <p>
 * Never twice: the key is first reserved in {@code sent_mail} in its own committed transaction
 * (status SENDING), then the mail is handed over, then the row is marked SENT. A failing hand-over
 * removes the reservation and throws {@link MailNotSentException}, so a retried job sends it; a
 * second call with the same key finds the row and sends nothing. Only a crash between hand-over and
 * the SENT mark leaves a SENDING row: that mail is not sent again (at most once) and is logged.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    private final SentMailRepository sentMails;
    private final TransactionTemplate newTransaction;
    private final JavaMailSender sender;
    private final PgpMimeComposer composer;
    private final Path outbox;
    private final Clock clock;

    public MailService(SentMailRepository sentMails, PlatformTransactionManager transactions, ListKey listKey,
            PgpProperties pgpProperties, NotificationProperties properties, ObjectProvider<JavaMailSender> sender,
            ObjectProvider<Clock> clock) {
        this.sentMails = sentMails;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = sender.getIfAvailable();
        this.outbox = pgpProperties.dataDir().resolve("outbox");
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        try {
            this.composer = new PgpMimeComposer(listKey, new InternetAddress(properties.from(), true));
        } catch (AddressException e) {
            throw new IllegalStateException("vouchsafe.mail.from is not a valid address: " + properties.from(), e);
        }
    }

    /**
     * The session for composing outbox mails. Creating a {@link Session} loads the mail providers
     * each time (about 4 % of a request's lifecycle in benchmark P1); an outbox session carries no
     * state (no transport, no credentials), so one serves every mail.
     */
    private static final Session OUTBOX_SESSION = Session.getInstance(new Properties());

    /**
     * Sends the mail unless one with the same idempotency key was sent before.
     *
     * @throws InvalidInputException when the mail itself is malformed (retrying cannot help)
     * @throws MailNotSentException  when delivery failed; nothing is recorded and a retry sends it
     */
    public MailDelivery send(OutgoingMail mail) {
        validate(mail);
        String transport = sender != null ? "SMTP" : "OUTBOX";
        boolean reserved;
        try {
            reserved = Boolean.TRUE.equals(newTransaction.execute(status -> {
                if (sentMails.existsById(mail.idempotencyKey())) {
                    return false;
                }
                sentMails.saveAndFlush(new SentMail(mail.idempotencyKey(), mail.recipient(), mail.subject(), transport,
                        clock.instant()));
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            reserved = false; // a concurrent call reserved the key first
        }
        if (!reserved) {
            log.info("Mail {} to {} already sent; not sending it again", mail.idempotencyKey(), mail.recipient());
            return MailDelivery.ALREADY_SENT;
        }
        MailDelivery delivery;
        try {
            delivery = deliver(mail);
        } catch (RuntimeException | MessagingException | IOException e) {
            newTransaction.executeWithoutResult(status -> sentMails.deleteById(mail.idempotencyKey()));
            throw new MailNotSentException("Mail " + mail.idempotencyKey() + " to " + mail.recipient()
                    + " was not sent: " + e.getMessage(), e);
        }
        Instant sentAt = clock.instant();
        newTransaction.executeWithoutResult(status -> sentMails.markSent(mail.idempotencyKey(), sentAt));
        return delivery;
    }

    private MailDelivery deliver(OutgoingMail mail) throws MessagingException, IOException {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : OUTBOX_SESSION;
        MimeMessage message = composer.compose(session, mail);
        if (sender != null) {
            sender.send(message);
            log.info("Mail {} sent to {}: {}", mail.idempotencyKey(), mail.recipient(), mail.subject());
            return MailDelivery.SENT;
        }
        Files.createDirectories(outbox);
        Path file = outbox.resolve(fileName(mail.idempotencyKey()));
        Path temporary = Files.createTempFile(outbox, "mail", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("No SMTP host configured (spring.mail.host): mail {} to {} ({}) written to {}",
                mail.idempotencyKey(), mail.recipient(), mail.subject(), file.toAbsolutePath());
        return MailDelivery.WRITTEN_TO_OUTBOX;
    }

    /** A file name from the idempotency key: safe characters only, with a hash so that distinct keys never collide. */
    static String fileName(String idempotencyKey) {
        String safe = idempotencyKey.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        String id = PgpMimeComposer.messageId(idempotencyKey);
        return safe + "-" + id.substring(1, 13) + ".eml";
    }

    private static void validate(OutgoingMail mail) {
        if (mail.idempotencyKey() == null || mail.idempotencyKey().isBlank() || mail.idempotencyKey().length() > 200) {
            throw new InvalidInputException("idempotencyKey", "Required, at most 200 characters.");
        }
        if (mail.subject() == null || mail.subject().isBlank() || mail.subject().length() > 900
                || mail.subject().indexOf('\n') >= 0 || mail.subject().indexOf('\r') >= 0) {
            throw new InvalidInputException("subject", "Required, a single line of at most 900 characters.");
        }
        if (mail.body() == null) {
            throw new InvalidInputException("body", "Required.");
        }
        try {
            InternetAddress[] addresses = InternetAddress.parse(mail.recipient() == null ? "" : mail.recipient(), true);
            if (addresses.length != 1 || mail.recipient().length() > 320) {
                throw new InvalidInputException("recipient", "Exactly one address is required.");
            }
        } catch (AddressException e) {
            throw new InvalidInputException("recipient", "Not a valid mail address.");
        }
    }
}
