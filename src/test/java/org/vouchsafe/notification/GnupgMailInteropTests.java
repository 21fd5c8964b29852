package org.vouchsafe.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.Fixtures;
import org.vouchsafe.pgp.Gpg;
import org.vouchsafe.pgp.KeyPolicy;
import org.vouchsafe.pgp.ListKey;
import org.vouchsafe.pgp.PgpProperties;

/** GnuPG 2.2 verifies the list key's signature on a PGP/MIME mail and decrypts an encrypted one. */
class GnupgMailInteropTests {

    @TempDir
    Path dir;

    private Gpg gpg;

    @AfterEach
    void stopAgent() throws Exception {
        if (gpg != null) {
            gpg.close();
        }
    }

    private ListKey listKey() {
        return new ListKey(new PgpProperties(dir.resolve("data"), new PgpProperties.Pgp(
                new PgpProperties.ListKey(null, "pw", null, "Vouchsafe <vouchsafe@example.org>"), Duration.ofDays(14), Duration.ofDays(7))),
                new CertificateInspector(KeyPolicy.standard()));
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldLetGnupgVerifyTheSignatureOfASignedMail() throws Exception {
        gpg = Gpg.in(dir);
        ListKey listKey = listKey();
        assertThat(gpg.run(listKey.publicKeyArmored(), "--import").exitCode()).isZero();
        MimeMessage message = new PgpMimeComposer(listKey, new InternetAddress("vouchsafe@example.org"))
                .compose(Session.getInstance(new Properties()), OutgoingMail.signedOnly("k1", "ann@example.org",
                        "Reminder", "Please answer the challenge.\nTschüss\n"));
        String[] parts = MailServiceTests.parts(raw(message), message.getContentType());
        Files.writeString(dir.resolve("entity"), parts[0], StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("entity.asc"), parts[1].substring(parts[1].indexOf("-----BEGIN")));

        Gpg.Run verified = gpg.run(null, "--verify", dir.resolve("entity.asc").toString(),
                dir.resolve("entity").toString());

        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(verified.stderr()).contains("Good signature");
    }

    @Test
    void shouldLetGnupgDecryptAnEncryptedMailAndVerifyItsSignature() throws Exception {
        gpg = Gpg.in(dir);
        ListKey listKey = listKey();
        assertThat(gpg.run(listKey.publicKeyArmored(), "--import").exitCode()).isZero();
        assertThat(gpg.run(Fixtures.secretKey("ann"), "--import").exitCode()).isZero();
        MimeMessage message = new PgpMimeComposer(listKey, new InternetAddress("vouchsafe@example.org"))
                .compose(Session.getInstance(new Properties()), new OutgoingMail("k2", "ann@example.org",
                        "Question", "Which release fixed it?", Fixtures.publicKey("ann")));
        String[] parts = MailServiceTests.parts(raw(message), message.getContentType());

        Gpg.Run decrypted = gpg.run(parts[1].substring(parts[1].indexOf("-----BEGIN")), "--decrypt");

        assertThat(decrypted.exitCode()).as(decrypted.stderr()).isZero();
        assertThat(decrypted.stdout()).contains("Which release fixed it?");
        assertThat(decrypted.stderr()).contains("Good signature");
    }
}
