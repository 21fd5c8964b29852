package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListKeyTests {

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());

    private static PgpProperties properties(Path dataDir, Path path, String passphrase) {
        return new PgpProperties(dataDir, new PgpProperties.Pgp(
                new PgpProperties.ListKey(path, passphrase, "Vouchsafe test <vouchsafe@example.org>"),
                java.time.Duration.ofDays(14), java.time.Duration.ofDays(7)));
    }

    @Test
    void shouldGenerateAV4KeyGnupg22ReadsOnFirstStartAndLoadItAfterwards(@TempDir Path dataDir) throws Exception {
        ListKey first = new ListKey(properties(dataDir, null, "s3cret"), inspector);
        ListKey second = new ListKey(properties(dataDir, null, "s3cret"), inspector);

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).hasSize(40);
        assertThat(Files.readString(dataDir.resolve("list-key.asc"))).contains("PRIVATE KEY BLOCK");
        OpenPGPCertificate certificate = new BcOpenPGPApi().readKeyOrCertificate()
                .parseCertificate(first.publicKeyArmored());
        assertThat(certificate.isSecretKey()).isFalse();
        assertThat(certificate.getKeys()).allSatisfy(k -> {
            assertThat(k.getVersion()).isEqualTo(PublicKeyPacket.VERSION_4);
            assertThat(k.getAlgorithm()).isIn(PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.ECDH);
        });
        assertThat(inspector.inspect(first.publicKeyArmored(), "vouchsafe@example.org", java.time.Instant.now())
                .problems()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithAWrongPassphrase(@TempDir Path dataDir) {
        new ListKey(properties(dataDir, null, "right"), inspector);

        assertThatThrownBy(() -> new ListKey(properties(dataDir, null, "wrong"), inspector))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void shouldRequireAPassphraseForAConfiguredKeyFile(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new ListKey(properties(dataDir, dataDir.resolve("key.asc"), null), inspector))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vouchsafe.pgp.list-key.passphrase");
    }

    @Test
    void shouldLoadAConfiguredGnupgSecretKey(@TempDir Path dataDir) throws Exception {
        // the fixture's secret key has no passphrase; any passphrase unlocks an unprotected key
        Path file = dataDir.resolve("gpg-key.asc");
        Files.writeString(file, Fixtures.secretKey("carol"));

        ListKey key = new ListKey(properties(dataDir, file, "unused"), inspector);

        assertThat(key.fingerprint()).isEqualTo(Fixtures.fingerprint("carol"));
        assertThat(Files.exists(dataDir.resolve("list-key.asc"))).isFalse();
    }

    @Test
    void shouldSignDetachedSoThatTheSignatureServiceVerifiesIt(@TempDir Path dataDir) {
        ListKey key = new ListKey(properties(dataDir, null, "pw"), inspector);
        byte[] data = "Content-Type: text/plain\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8);

        ListKey.DetachedSignature signature = key.signDetached(data);

        assertThat(signature.micalg()).isEqualTo("pgp-sha512");
        assertThat(new SignatureService(inspector).verify(key.publicKeyArmored(), key.fingerprint(),
                new String(data, StandardCharsets.UTF_8), signature.armored(), java.time.Instant.now()).valid()).isTrue();
    }

    @Test
    void shouldEncryptToARecipientAndDecryptMailSentToTheList(@TempDir Path dataDir) {
        ListKey key = new ListKey(properties(dataDir, null, "pw"), inspector);

        String toAnn = key.signAndEncrypt("for ann".getBytes(StandardCharsets.UTF_8), Fixtures.publicKey("ann"));
        String toList = key.encryptTo(inspector.parse(key.publicKeyArmored()).certificate(),
                "for the list".getBytes(StandardCharsets.UTF_8), false);

        PgpTestSupport.Decrypted decrypted = PgpTestSupport.decryptAs("ann", toAnn, key.publicKeyArmored());
        assertThat(decrypted.text()).isEqualTo("for ann");
        assertThat(decrypted.result().getSignatures()).singleElement().satisfies(s -> {
            assertThat(s.isTestedCorrect()).isTrue();
            assertThat(s.getSignature().getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA512);
        });
        assertThat(new String(key.decrypt(toList), StandardCharsets.UTF_8)).isEqualTo("for the list");
    }
}
