package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GnuPG 2.2 reads what Vouchsafe writes (skipped when gpg is not installed). */
class GnupgInteropTests {

    @TempDir
    Path dir;

    private Gpg gpg;

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());

    @AfterEach
    void stopAgent() throws Exception {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void shouldLetGnupgDecryptTheChallenge() throws Exception {
        gpg = Gpg.in(dir);
        assertThat(gpg.run(Fixtures.secretKey("ann"), "--import").exitCode()).isZero();
        String code = "ab".repeat(32);
        String plaintext = ChallengeService.plaintext("r1", "ann@example.org", Fixtures.fingerprint("ann"), code,
                Instant.parse("2026-12-11T00:00:00Z"));

        String armored = new Encryption(KeyPolicy.standard()).encrypt(
                inspector.parse(Fixtures.publicKey("ann")).certificate(), plaintext.getBytes(StandardCharsets.UTF_8),
                null, null);
        Gpg.Run decrypted = gpg.run(armored, "--decrypt");

        assertThat(decrypted.exitCode()).as(decrypted.stderr()).isZero();
        assertThat(decrypted.stdout()).isEqualTo(plaintext).contains(code);
        assertThat(decrypted.stderr()).doesNotContain("WARNING: message was not integrity protected");
    }

    @Test
    void shouldLetGnupgImportTheListKeyAndVerifyItsSignatures() throws Exception {
        gpg = Gpg.in(dir);
        ListKey listKey = new ListKey(ListKey.generate("Vouchsafe <vouchsafe@example.org>", "pw".toCharArray(),
                KeyPolicy.standard()), "pw".toCharArray(), inspector);
        assertThat(gpg.run(listKey.publicKeyArmored(), "--import").exitCode()).isZero();
        Path data = dir.resolve("data.txt");
        java.nio.file.Files.writeString(data, "Content-Type: text/plain\r\n\r\nsigned by the list\r\n");
        Path signature = dir.resolve("data.txt.asc");
        java.nio.file.Files.writeString(signature,
                listKey.signDetached(java.nio.file.Files.readAllBytes(data)).armored());

        Gpg.Run verified = gpg.run(null, "--verify", signature.toString(), data.toString());

        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        // made by the signing subkey, bound to the list key imported above
        assertThat(verified.stderr()).contains("Good signature from \"Vouchsafe <vouchsafe@example.org>\"");
    }
}
