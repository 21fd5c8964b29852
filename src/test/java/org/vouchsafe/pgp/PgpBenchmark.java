package org.vouchsafe.pgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Vouchsafe's OpenPGP operations beside the bare Bouncy Castle calls that do the same job on the
 * same bytes (target: at most 1.5 times the bare time). Run with {@code mvn -Pbench test-compile exec:exec};
 * results and machine facts go to docs/performance.md, section P4.
 */
@State(Scope.Benchmark)
public class PgpBenchmark {

    /** ann: GnuPG Ed25519/Curve25519 key; bob: GnuPG RSA-3072 key. */
    @Param({"ann", "bob"})
    public String who;

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());
    private final SignatureService signatures = new SignatureService(inspector);
    private final Encryption encryption = new Encryption(KeyPolicy.standard());
    private final BcOpenPGPApi bare = new BcOpenPGPApi();
    private final SecureRandom random = new SecureRandom();

    private String armoredKey;
    private String email;
    private String fingerprint;
    private OpenPGPCertificate certificate;
    private String statement;
    private byte[] statementBytes;
    private String signature;
    private byte[] challenge;
    private Instant now;

    @Setup
    public void setUp() throws Exception {
        armoredKey = Fixtures.publicKey(who);
        email = who + "@example.org";
        fingerprint = Fixtures.fingerprint(who);
        certificate = inspector.parse(armoredKey).certificate();
        statement = Fixtures.text("statement.txt");
        statementBytes = statement.getBytes(StandardCharsets.UTF_8);
        signature = Fixtures.text("keys/statement." + ("ann".equals(who) ? "ann" : "bob-rsa") + ".sig.asc");
        challenge = ChallengeService.plaintext("0b1e4a52-7c1d-4f7e-9a0b-5d2f3c4e6a71", email, fingerprint,
                "ab".repeat(32), Fixtures.NOW).getBytes(StandardCharsets.UTF_8);
        now = Fixtures.NOW;
        if (!inspector.inspect(armoredKey, email, now).healthy()
                || !signatures.verify(armoredKey, fingerprint, statement, signature, now).valid()) {
            throw new IllegalStateException("fixtures are not healthy: the comparison would be meaningless");
        }
    }

    @Benchmark
    public KeyReport inspectKey() {
        return inspector.inspect(armoredKey, email, now);
    }

    @Benchmark
    public Object bareParseKey() throws Exception {
        OpenPGPCertificate parsed = bare.readKeyOrCertificate().parseCertificate(armoredKey);
        Date at = Date.from(now);
        return List.of(parsed.getFingerprint(), parsed.getEncryptionKeys(at), parsed.getValidUserIds(at));
    }

    @Benchmark
    public String encryptChallenge() throws Exception {
        return encryption.encrypt(certificate, challenge, null, null);
    }

    @Benchmark
    public byte[] bareEncryptChallenge() throws Exception {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(random));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(
                certificate.getEncryptionKeys().get(0).getPGPPublicKey()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(out);
             OutputStream encrypted = generator.open(armor, new byte[4096]);
             OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "",
                     challenge.length, new Date())) {
            literal.write(challenge);
        }
        return out.toByteArray();
    }

    @Benchmark
    public SignatureVerification verifySignature() {
        return signatures.verify(armoredKey, fingerprint, statement, signature, now);
    }

    @Benchmark
    public boolean bareVerifySignature() throws Exception {
        OpenPGPCertificate parsed = bare.readKeyOrCertificate().parseCertificate(armoredKey);
        List<OpenPGPDocumentSignature> result = bare.verifyDetachedSignature()
                .addSignatures(new ByteArrayInputStream(signature.getBytes(StandardCharsets.US_ASCII)))
                .addVerificationCertificate(parsed)
                .verifyNotAfter(Date.from(now))
                .process(new ByteArrayInputStream(statementBytes));
        return result.get(0).isValid();
    }
}
