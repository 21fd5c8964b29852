package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list key rotation of docs/operations.md, command by command with GnuPG 2.2 (skipped without gpg): the
 * new key, made with gpg and certified by the old one, is loaded from a mounted file, served as the list key
 * with that certification, and a member who knew only the old key can verify both the announcement and the
 * new key, and then the list's mails.
 */
class ListKeyRotationTests {

    private static final String OLD_PASSPHRASE = "old-list-key-passphrase-7Yq2";
    private static final String NEW_PASSPHRASE = "new-list-key-passphrase-Kp91";
    private static final String USER_ID = "Vouchsafe (distros membership) <vouchsafe@example.org>";

    @TempDir
    Path dir;

    private Gpg operator;
    private Gpg member;

    @AfterEach
    void stopAgents() throws Exception {
        for (Gpg gpg : Arrays.asList(operator, member)) {
            if (gpg != null) {
                gpg.close();
            }
        }
    }

    @Test
    void shouldServeANewListKeyCertifiedByTheOldOneSoThatMembersCanVerifyTheRotation() throws Exception {
        // given: the list key the application generated, which members imported from GET /api/catalogue/list-key
        ListKey old = new ListKey(properties(dir.resolve("data"), null, OLD_PASSPHRASE), inspector());
        operator = Gpg.in(dir.resolve("operator"));
        Gpg withOld = operator.withPassphrase(OLD_PASSPHRASE);
        Gpg withNew = operator.withPassphrase(NEW_PASSPHRASE);
        ok(withOld.run(null, "--import", dir.resolve("data/list-key.asc").toString()));

        // when: the operator makes the new key, certifies it and signs the announcement with the old one
        // --yes: the old key has the same user id, and gpg asks before making a second one
        ok(withNew.run(null, "--yes", "--quick-generate-key", USER_ID, "ed25519", "cert", "5y"));
        String fresh = primaryFingerprints(operator).stream().filter(f -> !f.equals(old.fingerprint()))
                .findFirst().orElseThrow();
        ok(withNew.run(null, "--quick-add-key", fresh, "ed25519", "sign", "5y"));
        ok(withNew.run(null, "--quick-add-key", fresh, "cv25519", "encr", "5y"));
        ok(withOld.run(null, "--local-user", old.fingerprint(), "--quick-sign-key", fresh));
        Path keyFile = Files.createDirectories(dir.resolve("secrets")).resolve("list-key.asc");
        Files.writeString(keyFile, ok(withNew.run(null, "--armor", "--export-secret-keys", fresh)));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        String announcement = ok(withOld.run("The list key changes to " + fresh + ".\n", "--local-user",
                old.fingerprint(), "--clearsign"));

        // and the application restarts with the new key mounted
        ListKey current = new ListKey(properties(dir.resolve("data"), keyFile, NEW_PASSPHRASE), inspector());

        // then: a member who knew only the old key verifies the announcement, the new key and a mail
        assertThat(current.fingerprint()).isEqualTo(fresh);
        member = Gpg.in(dir.resolve("member"));
        ok(member.run(old.publicKeyArmored(), "--import"));
        Gpg.Run verified = member.run(announcement, "--status-fd", "1", "--verify");
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        // VALIDSIG names the primary key last: the signature was made by (a subkey of) the old list key
        assertThat(verified.stdout().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("[GNUPG:] VALIDSIG ").endsWith(" " + old.fingerprint()));
        ok(member.run(current.publicKeyArmored(), "--import"));
        String signatures = ok(member.run(null, "--with-colons", "--check-sigs", fresh));
        // a verified (!) certification over the new key's user id, issued by the old key
        assertThat(signatures.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("sig:!:").contains(":" + old.fingerprint().substring(24) + ":"));
        Path mail = dir.resolve("mail.txt");
        Files.writeString(mail, "Content-Type: text/plain\r\n\r\nsigned by the new key\r\n");
        Path signature = dir.resolve("mail.txt.asc");
        Files.writeString(signature, current.signDetached(Files.readAllBytes(mail)).armored());
        Gpg.Run mailVerified = member.run(null, "--verify", signature.toString(), mail.toString());
        assertThat(mailVerified.exitCode()).as(mailVerified.stderr()).isZero();
        assertThat(mailVerified.stderr()).contains("Good signature from \"" + USER_ID + "\"");
    }

    private static String ok(Gpg.Run run) {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout();
    }

    private static List<String> primaryFingerprints(Gpg gpg) throws Exception {
        // in --with-colons output, the fpr record right after a pub record is the primary key's
        List<String> lines = ok(gpg.run(null, "--with-colons", "--list-keys")).lines().toList();
        List<String> fingerprints = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("fpr:") && lines.get(i - 1).startsWith("pub:")) {
                fingerprints.add(lines.get(i).split(":")[9]);
            }
        }
        return fingerprints;
    }

    private static CertificateInspector inspector() {
        return new CertificateInspector(KeyPolicy.standard());
    }

    private static PgpProperties properties(Path dataDir, Path path, String passphrase) {
        return new PgpProperties(dataDir, new PgpProperties.Pgp(
                new PgpProperties.ListKey(path, passphrase, null, USER_ID), Duration.ofDays(14), Duration.ofDays(7)));
    }
}
