package org.vouchsafe.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.pgp.Fixtures;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.pgp.PgpTestSupport;
import org.vouchsafe.pgp.SignatureService;
import org.vouchsafe.pgp.SignatureVerification;

/**
 * Mails go through a real SMTP server (GreenMail) and are read back as the recipient would:
 * the signature is checked against the list key, the encrypted ones are decrypted with the
 * recipient's test key.
 */
@DataJpaTest(properties = {"spring.datasource.url=jdbc:h2:mem:notification;DB_CLOSE_DELAY=-1",
        "vouchsafe.pgp.list-key.passphrase=test-passphrase"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({MailService.class, NotificationConfiguration.class, NotificationTestConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailServiceTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("vouchsafe.data-dir", () -> dataDir.toString());
    }

    @Autowired
    MailService mailService;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    ListKey listKey;

    @Autowired
    SignatureService signatures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SentMailRepository sentMails;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void reset() {
        smtp.setPort(greenMail.getSmtp().getPort());
        jdbc.update("delete from sent_mail");
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The parts of a multipart body exactly as transmitted, without the CRLF before each boundary. */
    static String[] parts(String raw, String contentType) throws Exception {
        String boundary = new jakarta.mail.internet.ContentType(unfold(contentType)).getParameter("boundary");
        // the CRLF before a delimiter belongs to the delimiter (RFC 2046), also before the first one
        String body = "\r\n" + raw.substring(raw.indexOf("\r\n\r\n") + 4);
        String[] split = body.split("\r\n--" + java.util.regex.Pattern.quote(boundary) + "(--)?(\r\n|$)");
        return Stream.of(split).skip(1).toArray(String[]::new);
    }

    private static String unfold(String header) {
        return header.replaceAll("\r?\n[ \t]+", " ");
    }

    @Test
    void shouldSendSignedMailTheRecipientVerifiesWithTheListKey() throws Exception {
        MailDelivery delivery = mailService.send(OutgoingMail.signedOnly("request-filed:r1", "ann@example.org",
                "Your request was filed", "Dear Ann,\n\nyour request r1 was filed.\nTrailing space here: \n"));

        assertThat(delivery).isEqualTo(MailDelivery.SENT);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getContentType()).contains("multipart/signed", "application/pgp-signature", "pgp-sha512");
        String[] parts = parts(raw(received), received.getContentType());
        String signedEntity = parts[0];
        String signature = parts[1].substring(parts[1].indexOf("-----BEGIN PGP SIGNATURE-----"));
        SignatureVerification verification = signatures.verify(listKey.publicKeyArmored(), listKey.fingerprint(),
                signedEntity, signature, Instant.now());
        assertThat(verification.code()).isEqualTo(SignatureVerification.Code.VALID);
        assertThat(verification.signedText()).hasValueSatisfying(t -> assertThat(t).isEqualTo(signedEntity));
        assertThat(signedEntity).contains("your request r1 was filed", "Trailing space here:=20");
        assertThat(received.getMessageID()).isEqualTo(PgpMimeComposer.messageId("request-filed:r1"));
    }

    @Test
    void shouldSendEncryptedMailOnlyTheRecipientReads() throws Exception {
        mailService.send(new OutgoingMail("needs-info:r1:1", "ann@example.org", "A question about your request",
                "Which releases did you fix CVE-2026-0001 in?", Fixtures.publicKey("ann")));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        String raw = raw(received);
        assertThat(received.getContentType()).contains("multipart/encrypted", "application/pgp-encrypted");
        assertThat(raw).doesNotContain("CVE-2026-0001");
        String[] parts = parts(raw, received.getContentType());
        assertThat(parts[0]).contains("Version: 1");
        String armored = parts[1].substring(parts[1].indexOf("-----BEGIN PGP MESSAGE-----"));
        PgpTestSupport.Decrypted decrypted = PgpTestSupport.decryptAs("ann", armored, listKey.publicKeyArmored());
        assertThat(decrypted.text()).startsWith("Content-Type: text/plain; charset=UTF-8")
                .contains("Which releases did you fix CVE-2026-0001 in?");
        assertThat(decrypted.result().getSignatures()).singleElement()
                .satisfies(s -> assertThat(s.isTestedCorrect()).isTrue());
    }

    @Test
    void shouldNeverSendTheSameIdempotencyKeyTwice() {
        OutgoingMail mail = OutgoingMail.signedOnly("reminder:r1:challenge:1", "ann@example.org", "Reminder", "Hi");

        MailDelivery first = mailService.send(mail);
        MailDelivery second = mailService.send(mail);

        assertThat(first).isEqualTo(MailDelivery.SENT);
        assertThat(second).isEqualTo(MailDelivery.ALREADY_SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.queryForObject("select status from sent_mail where idempotency_key = ?", String.class,
                "reminder:r1:challenge:1")).isEqualTo("SENT");
    }

    @Test
    void shouldThrowAndForgetTheKeyWhenSmtpFailsSoThatARetrySends() {
        OutgoingMail mail = OutgoingMail.signedOnly("decision:r1", "ann@example.org", "Decision", "Approved");
        greenMail.stop();

        assertThatThrownBy(() -> mailService.send(mail)).isInstanceOf(MailNotSentException.class);
        assertThat(jdbc.queryForObject("select count(*) from sent_mail", Integer.class)).isZero();

        greenMail.start();
        smtp.setPort(greenMail.getSmtp().getPort());
        assertThat(mailService.send(mail)).isEqualTo(MailDelivery.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldRefuseAMalformedRecipientWithoutRecordingIt() {
        assertThatThrownBy(() -> mailService.send(OutgoingMail.signedOnly("k", "not an address", "s", "b")))
                .isInstanceOf(org.vouchsafe.problem.InvalidInputException.class);
        assertThatThrownBy(() -> mailService.send(OutgoingMail.signedOnly("k", "a@b.org", "two\nlines", "b")))
                .isInstanceOf(org.vouchsafe.problem.InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from sent_mail", Integer.class)).isZero();
    }

    @Test
    void shouldWriteEmlIntoTheOutboxWhenNoSmtpHostIsConfigured(@TempDir Path otherDataDir) throws Exception {
        // given: the same service without an SMTP server (spring.mail.host unset)
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        MailService outboxOnly = new MailService(sentMails, transactions, listKey,
                new PgpProperties(otherDataDir, new PgpProperties.Pgp(new PgpProperties.ListKey(null, "x", null, "u"),
                        Duration.ofDays(14), Duration.ofDays(7))),
                new NotificationProperties("Vouchsafe <vouchsafe@localhost>"),
                none.getBeanProvider(JavaMailSender.class), none.getBeanProvider(Clock.class));

        MailDelivery delivery = outboxOnly.send(OutgoingMail.signedOnly("challenge-issued:r1:ANN/../x", "ann@example.org",
                "Your challenge", "Decrypt the attached message."));

        assertThat(delivery).isEqualTo(MailDelivery.WRITTEN_TO_OUTBOX);
        try (Stream<Path> files = Files.list(otherDataDir.resolve("outbox"))) {
            Path eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertThat(eml.getFileName().toString()).startsWith("challenge-issued_r1_ANN_.._x-");
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), Files.newInputStream(eml));
            assertThat(parsed.getSubject()).isEqualTo("Your challenge");
            assertThat(parsed.getContentType()).contains("multipart/signed");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
