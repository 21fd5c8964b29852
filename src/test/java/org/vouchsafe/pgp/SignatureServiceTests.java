package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureServiceTests {

    private final SignatureService service = new SignatureService(new CertificateInspector(KeyPolicy.standard()));
    private final String statement = Fixtures.text("statement.txt");

    private SignatureVerification verifyAnn(String text, String signature) {
        return service.verify(Fixtures.publicKey("ann"), Fixtures.fingerprint("ann"), text, signature, Fixtures.NOW);
    }

    @Test
    void shouldAcceptGnupgDetachedSignatureAndKeepTheSignedBytes() {
        SignatureVerification result = verifyAnn(statement, Fixtures.text("keys/statement.ann.sig.asc"));

        assertThat(result.code()).isEqualTo(SignatureVerification.Code.VALID);
        assertThat(result.signerFingerprint()).contains(Fixtures.fingerprint("ann"));
        assertThat(result.signedText()).contains(statement);
        assertThat(result.detachedSignature()).hasValueSatisfying(s -> assertThat(s).contains("BEGIN PGP SIGNATURE"));
        assertThat(result.signedAt()).hasValueSatisfying(t -> assertThat(t).isBefore(Fixtures.NOW));
    }

    @Test
    void shouldAcceptTextModeSignatureWhateverTheLineEndings() {
        String signature = Fixtures.text("keys/statement.ann.textmode.sig.asc");

        assertThat(verifyAnn(statement, signature).valid()).isTrue();
        assertThat(verifyAnn(statement.replace("\n", "\r\n"), signature).valid()).isTrue();
    }

    @Test
    void shouldAcceptBinarySignatureMadeOverCrlfCopyOfTheStatement() {
        SignatureVerification result = verifyAnn(statement, Fixtures.text("keys/statement-crlf.ann.sig.asc"));

        assertThat(result.valid()).isTrue();
        assertThat(result.signedText()).hasValueSatisfying(t -> assertThat(t).contains("\r\n"));
    }

    @Test
    void shouldAcceptClearSignedStatementAndKeepOnlyItsTextAndSignature() {
        SignatureVerification result = verifyAnn(statement, Fixtures.text("keys/statement.ann.clearsigned.asc"));

        assertThat(result.valid()).isTrue();
        assertThat(result.signedText()).contains(statement.stripTrailing());
        assertThat(result.detachedSignature()).hasValueSatisfying(s -> assertThat(s)
                .doesNotContain("SIGNED MESSAGE").contains("BEGIN PGP SIGNATURE"));
        // the kept pair verifies on its own, as a detached text signature
        assertThat(verifyAnn(result.signedText().orElseThrow(), result.detachedSignature().orElseThrow()).valid())
                .isTrue();
    }

    @Test
    void shouldAcceptRsaSignatureOfGnupgKey() {
        SignatureVerification result = service.verify(Fixtures.publicKey("bob"), Fixtures.fingerprint("bob"), statement,
                Fixtures.text("keys/statement.bob-rsa.sig.asc"), Fixtures.NOW);

        assertThat(result.valid()).isTrue();
    }

    @Test
    void shouldRefuseOneChangedCharacter() {
        SignatureVerification result = verifyAnn(statement.replace("2017-06-28", "2017-06-29"),
                Fixtures.text("keys/statement.ann.sig.asc"));

        assertThat(result.code()).isEqualTo(SignatureVerification.Code.TEXT_ALTERED);
    }

    @Test
    void shouldRefuseWhenStoredKeyDoesNotHaveTheExpectedFingerprint() {
        SignatureVerification result = service.verify(Fixtures.publicKey("ann"), Fixtures.fingerprint("carol"),
                statement, Fixtures.text("keys/statement.ann.sig.asc"), Fixtures.NOW);

        assertThat(result.code()).isEqualTo(SignatureVerification.Code.BAD_KEY);
    }

    @Test
    void shouldRefuseTenMegabyteSignatureBeforeParsing() {
        String huge = "-----BEGIN PGP SIGNATURE-----\n\n" + "QUFB\n".repeat(2 * 1024 * 1024);

        assertThat(verifyAnn(statement, huge).code()).isEqualTo(SignatureVerification.Code.TOO_LARGE);
    }

    @Test
    void shouldRefuseMissingSignature() {
        assertThat(verifyAnn(statement, "  ").code()).isEqualTo(SignatureVerification.Code.NOT_A_SIGNATURE);
        assertThat(verifyAnn(statement, null).code()).isEqualTo(SignatureVerification.Code.NOT_A_SIGNATURE);
    }

    @Test
    void shouldAcceptSignatureMadeWithinTheAllowedClockSkew() {
        SignatureVerification result = service.verify(Fixtures.publicKey("ann"), Fixtures.fingerprint("ann"), statement,
                Fixtures.text("keys/statement.ann.sig.asc"),
                verifyAnn(statement, Fixtures.text("keys/statement.ann.sig.asc")).signedAt().orElseThrow()
                        .minusSeconds(300));

        assertThat(result.valid()).isTrue();
    }
}
