package org.vouchsafe.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.Decision;
import org.vouchsafe.membership.DecisionOutcome;
import org.vouchsafe.pgp.Fixtures;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.PgpTestSupport;
import org.vouchsafe.pgp.RequestChallenges;
import org.vouchsafe.review.ReviewService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The decision mail through a real SMTP server (GreenMail): it reaches the requester encrypted to
 * their key, signed by the list key, and tells the outcome and the reason; sending it again under
 * the same scope sends nothing.
 */
@DataJpaTest(properties = {"spring.datasource.url=jdbc:h2:mem:decision-mail;DB_CLOSE_DELAY=-1",
        "vouchsafe.pgp.list-key.passphrase=test-passphrase"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({MailService.class, NotificationConfiguration.class, NotificationTestConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DecisionMailTests {

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
    JdbcTemplate jdbc;

    MembershipRequest request;
    Notifications notifications;

    @BeforeEach
    void setUp() {
        smtp.setPort(greenMail.getSmtp().getPort());
        jdbc.update("delete from sent_mail");
        request = new MembershipRequest("linux-distros", "Example Linux", "applicant", Instant.parse("2026-11-20T10:00:00Z"));
        Requester ann = new Requester("Ann Example", "ann@example.org", "Example Foundation", Fixtures.publicKey("ann"));
        ann.setFingerprint(Fixtures.fingerprint("ann"));
        request.getRequesters().add(ann);
        Requests requests = mock(Requests.class);
        when(requests.find(request.getId())).thenReturn(Optional.of(request));
        AdminDecisionService decisions = mock(AdminDecisionService.class);
        when(decisions.latest(request.getId())).thenReturn(Optional.of(new Decision(request.getId(),
                DecisionOutcome.REJECTED, "No track record on the lists yet.", null, "admin", Instant.now())));
        notifications = new Notifications(mailService, requests, mock(RequestChallenges.class), mock(ReviewService.class),
                decisions, listKey);
    }

    @Test
    void shouldMailTheDecisionEncryptedToTheRequestersKey() throws Exception {
        int sent = notifications.decision(request.getId(), "pi-1:Task_MailDecision");

        assertThat(sent).isEqualTo(1);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ann@example.org");
        assertThat(received.getSubject()).isEqualTo("Decision on the membership request for Example Linux: REJECTED");
        assertThat(received.getContentType()).contains("multipart/encrypted");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        received.writeTo(out);
        String raw = out.toString(StandardCharsets.US_ASCII);
        assertThat(raw).doesNotContain("No track record");
        String armored = raw.substring(raw.indexOf("-----BEGIN PGP MESSAGE-----"), raw.indexOf("-----END PGP MESSAGE-----")
                + "-----END PGP MESSAGE-----".length());
        PgpTestSupport.Decrypted decrypted = PgpTestSupport.decryptAs("ann", armored, listKey.publicKeyArmored());
        assertThat(decrypted.text()).contains("Outcome: REJECTED", "Reason: No track record on the lists yet.");
        assertThat(decrypted.result().getSignatures()).singleElement()
                .satisfies(s -> assertThat(s.isTestedCorrect()).isTrue());
    }

    @Test
    void shouldNotSendTheSameDecisionTwiceWhenTheJobIsRetried() {
        notifications.decision(request.getId(), "pi-1:Task_MailDecision");
        notifications.decision(request.getId(), "pi-1:Task_MailDecision");

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }
}
