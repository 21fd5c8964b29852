package org.vouchsafe.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.util.io.Streams;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers shared by the OpenPGP tests: decrypting as a requester, and parent rows for the foreign keys. */
public final class PgpTestSupport {

    private PgpTestSupport() {
    }

    /** What a requester's client sees after decrypting: the text and how it was encrypted. */
    public record Decrypted(String text, OpenPGPMessageInputStream.Result result) {
    }

    /** Decrypts with a fixture's test-only secret key (no passphrase), as the requester would. */
    public static Decrypted decryptAs(String who, String armored) {
        return decryptAs(who, armored, null);
    }

    /** Decrypts as {@code who} and checks signatures by the holder of {@code signerCertificate} (armored). */
    public static Decrypted decryptAs(String who, String armored, String signerCertificate) {
        BcOpenPGPApi api = new BcOpenPGPApi();
        try {
            OpenPGPKey key = api.readKeyOrCertificate().parseKey(Fixtures.secretKey(who));
            var processor = api.decryptAndOrVerifyMessage().addDecryptionKey(key);
            if (signerCertificate != null) {
                processor.addVerificationCertificate(api.readKeyOrCertificate().parseCertificate(signerCertificate));
            }
            OpenPGPMessageInputStream in = processor
                    .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)));
            byte[] plain = Streams.readAll(in);
            in.close();
            return new Decrypted(new String(plain, StandardCharsets.UTF_8), in.getResult());
        } catch (IOException | PGPException e) {
            throw new AssertionError("cannot decrypt as " + who, e);
        }
    }

    /** The 64-hex-digit line of a decrypted challenge. */
    public static String code(String decryptedChallenge) {
        return decryptedChallenge.lines().filter(l -> l.matches("[0-9a-f]{64}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code in " + decryptedChallenge));
    }

    /** A minimal membership request row, parent of challenges and policy signatures. */
    public static void insertRequest(JdbcTemplate jdbc, String id) {
        jdbc.update("insert into membership_request (id, list_name, distro_name, unix_like, open_source, "
                + "policy_version, policy_accepted, status, review_round, filed_by, filed_at, version) "
                + "values (?, 'linux-distros', ?, true, true, '2017-06-28', true, 'IN_REVIEW', 1, 'test', "
                + "current_timestamp, 0)", id, "Distro " + id);
    }

    /** A fixed clock at {@link Fixtures#NOW}, so that the fixtures' validity does not depend on the day the tests run. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
        }
    }
}
