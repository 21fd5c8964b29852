package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ListKeyTests {

    private static final String STRONG = "w7Q-list-key-passphrase-2f9K";

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());

    private static PgpProperties properties(Path dataDir, Path path, String passphrase) {
        return new PgpProperties(dataDir, new PgpProperties.Pgp(
                new PgpProperties.ListKey(path, passphrase, null, "Vouchsafe test <vouchsafe@example.org>"),
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
        Path file = dataDir.resolve("gpg-key.asc");
        Files.writeString(file, protect(Fixtures.secretKey("carol"), STRONG));

        ListKey key = new ListKey(properties(dataDir, file, STRONG), inspector);

        assertThat(key.fingerprint()).isEqualTo(Fixtures.fingerprint("carol"));
        assertThat(Files.exists(dataDir.resolve("list-key.asc"))).isFalse();
    }

    @Test
    void shouldUseAMountedKeyFileAsItIsAndNeverRewriteIt(@TempDir Path dir) throws Exception {
        // given: a key mounted read-only, outside the data directory
        OpenPGPKey mounted = ListKey.generate("Vouchsafe <vouchsafe@example.org>", STRONG.toCharArray(),
                KeyPolicy.standard());
        Path file = Files.createDirectories(dir.resolve("secrets")).resolve("list-key.asc");
        Files.writeString(file, mounted.toAsciiArmoredString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Path dataDir = dir.resolve("data");

        // when: two starts
        ListKey first = new ListKey(properties(dataDir, file, STRONG), inspector);
        ListKey second = new ListKey(properties(dataDir, file, STRONG), inspector);

        // then: that key signs, the file is untouched and no other copy of the secret key exists
        assertThat(first.fingerprint()).isEqualTo(second.fingerprint()).isEqualTo(CertificateInspector.fingerprint(mounted));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("r--------"));
        assertThat(dataDir).doesNotExist();
        assertThat(new SignatureService(inspector).verify(first.publicKeyArmored(), first.fingerprint(), "text\n",
                first.signDetached("text\n".getBytes(StandardCharsets.UTF_8)).armored(), java.time.Instant.now()).valid())
                .isTrue();
    }

    @Test
    void shouldRefuseAConfiguredKeyPathThatDoesNotExistRatherThanGenerateAKeyThere(@TempDir Path dir) {
        Path notMounted = dir.resolve("secrets/list-key.asc");
        Path dataDir = dir.resolve("data");

        assertThatThrownBy(() -> new ListKey(properties(dataDir, notMounted, STRONG), inspector))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vouchsafe.pgp.list-key.path")
                .hasMessageContaining("Is the key file mounted?");
        assertThat(notMounted).doesNotExist();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void shouldRefuseAKeyThatNoPassphraseProtects(@TempDir Path dataDir) throws Exception {
        // the fixture's secret key has no passphrase, so any passphrase "unlocks" it
        Path file = dataDir.resolve("gpg-key.asc");
        Files.writeString(file, Fixtures.secretKey("carol"));

        assertThatThrownBy(() -> new ListKey(properties(dataDir, file, STRONG), inspector))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Fixtures.fingerprint("carol"))
                .hasMessageContaining("not protected by a passphrase");
    }

    @Test
    void shouldSayWhenTheKeyIsStillUnderTheEmbeddedDefaultPassphrase(@TempDir Path dataDir) {
        // given: an installation that ran without a passphrase (the demo's embedded default)
        new ListKey(properties(dataDir, null, null), inspector);

        // when it starts with a passphrase of its own
        assertThatThrownBy(() -> new ListKey(properties(dataDir, null, STRONG), inspector))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still protected by the embedded default passphrase")
                .hasMessageContaining("docs/operations.md");
    }

    @Test
    void shouldUnlockTheKeyWithAPassphraseFromAFile(@TempDir Path dataDir) throws Exception {
        Path secret = dataDir.resolve("passphrase");
        Files.writeString(secret, STRONG + "\r\n");
        ListKey generated = new ListKey(properties(dataDir, null, STRONG), inspector);

        ListKey fromFile = new ListKey(new PgpProperties(dataDir, new PgpProperties.Pgp(
                new PgpProperties.ListKey(null, null, secret, "Vouchsafe test <vouchsafe@example.org>"),
                java.time.Duration.ofDays(14), java.time.Duration.ofDays(7))), inspector);

        assertThat(fromFile.fingerprint()).isEqualTo(generated.fingerprint());
    }

    @Test
    void shouldWarnAboutAKeyFileOthersCanReadAndNeverLogThePassphrase(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ListKey.class);
        logs.start();
        logger.addAppender(logs);
        try {
            Path file = dir.resolve("list-key.asc");
            Files.writeString(file, ListKey.generate("Vouchsafe <vouchsafe@example.org>", STRONG.toCharArray(),
                    KeyPolicy.standard()).toAsciiArmoredString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            new ListKey(properties(dir.resolve("data"), file, STRONG), inspector);

            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains(file.toString()).contains("rw-r--r--")
                        .contains("chmod 600");
            });
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(STRONG));
        } finally {
            logger.detachAppender(logs);
        }
    }

    /** The secret key, protected by a passphrase as GnuPG protects an exported key (AES-256, iterated S2K). */
    private static String protect(String armoredSecretKey, String passphrase) throws Exception {
        PGPSecretKeyRing ring = new BcOpenPGPApi().readKeyOrCertificate().parseKey(armoredSecretKey).getPGPSecretKeyRing();
        PGPSecretKeyRing protectedRing = PGPSecretKeyRing.copyWithNewPassword(ring,
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]),
                new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x60)
                        .build(passphrase.toCharArray()));
        return new OpenPGPKey(protectedRing).toAsciiArmoredString();
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
