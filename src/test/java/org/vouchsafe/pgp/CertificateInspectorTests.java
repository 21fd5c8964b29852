package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.PayloadTooLargeException;

class CertificateInspectorTests {

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());

    @Test
    void shouldAcceptGnupgEd25519Key() {
        KeyReport report = inspector.inspect(Fixtures.publicKey("ann"), "ann@example.org", Fixtures.NOW);

        assertThat(report.problems()).isEmpty();
        assertThat(report.healthy()).isTrue();
        assertThat(report.fingerprint()).contains(Fixtures.fingerprint("ann"));
    }

    @Test
    void shouldAcceptGnupgRsa3072KeyAndMatchEmailIgnoringCase() {
        KeyReport report = inspector.inspect(Fixtures.publicKey("bob"), "Bob@Example.ORG", Fixtures.NOW);

        assertThat(report.problems()).isEmpty();
        assertThat(report.fingerprint()).contains(Fixtures.fingerprint("bob"));
    }

    @Test
    void shouldAcceptKeyWithTextAroundTheArmorAndCrlfLineEndings() {
        String pasted = "Here is my key:\r\n" + Fixtures.publicKey("ann").replace("\n", "\r\n") + "\r\nThanks!";

        assertThat(inspector.inspect(pasted, "ann@example.org", Fixtures.NOW).healthy()).isTrue();
    }

    @Test
    void shouldAcceptRsa2048WithAConcernRecommending3072OrMore() {
        KeyReport report = inspector.inspect(org.vouchsafe.support.Fixtures.publicKey("dan"), "dan@example.org",
                Fixtures.NOW);

        assertThat(report.healthy()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.concerns()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(KeyProblem.Code.BELOW_RECOMMENDED_SIZE);
            assertThat(c.message()).contains("RSA with 2048 bits", "3072 bits or more are recommended",
                    "vouchsafe.pgp.key-policy.recommended-rsa-bits", "the list's criteria set no key size");
        });
    }

    @Test
    void shouldRaiseNoConcernForEd25519OrRsa3072() {
        assertThat(inspector.inspect(Fixtures.publicKey("ann"), "ann@example.org", Fixtures.NOW).concerns()).isEmpty();
        assertThat(inspector.inspect(Fixtures.publicKey("bob"), "bob@example.org", Fixtures.NOW).concerns()).isEmpty();
    }

    @Test
    void shouldRefuseRsa1024NamingTheMinimumAndTheFix() {
        KeyReport report = inspector.inspect(Fixtures.text("corpus/key-rsa1024.asc"), "weak@example.org", Fixtures.NOW);

        assertThat(report.healthy()).isFalse();
        assertThat(report.problems()).extracting(KeyProblem::code).contains(KeyProblem.Code.WEAK_ALGORITHM);
        assertThat(report.problems().get(0).message()).contains("RSA with 1024 bits is below the minimum of 2048",
                "gpg --quick-gen-key", "rsa3072");
    }

    @Test
    void shouldRefuseRsa3072WhenPolicyDemandsMore() {
        CertificateInspector strict = new CertificateInspector(KeyPolicy.standard().withMinRsaBits(4096));

        KeyReport report = strict.inspect(Fixtures.publicKey("bob"), "bob@example.org", Fixtures.NOW);

        assertThat(report.has(KeyProblem.Code.WEAK_ALGORITHM)).isTrue();
        assertThat(report.problems().get(0).message()).contains("3072 bits is below the minimum of 4096");
    }

    @Test
    void shouldJudgeExpiryAtTheGivenTime() {
        String expired = Fixtures.text("corpus/key-expired.asc");

        assertThat(inspector.inspect(expired, "old@example.org", java.time.Instant.parse("2020-06-01T00:00:00Z"))
                .healthy()).isTrue();
        assertThat(inspector.inspect(expired, "old@example.org", Fixtures.NOW).problems())
                .extracting(KeyProblem::code).containsExactly(KeyProblem.Code.PRIMARY_EXPIRED);
    }

    @Test
    void shouldNameEveryProblemAsFieldProblemsWhenRequiringHealth() {
        assertThatThrownBy(() -> inspector.requireHealthy(Fixtures.publicKey("carol"), "ann@example.org", Fixtures.NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("publicKey");
                            assertThat(p.message()).startsWith("NO_MATCHING_USER_ID").contains("--quick-add-uid");
                        }));
    }

    @Test
    void shouldRefuseOversizedBlockBeforeParsingAs413() {
        String huge = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n" + "A".repeat(70 * 1024);

        assertThatThrownBy(() -> inspector.requireHealthy(huge, "ann@example.org", Fixtures.NOW))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void shouldNormaliseFingerprintsAsPeopleWriteThem() {
        assertThat(CertificateInspector.normaliseFingerprint("0xabcd 1234\nef56"))
                .isEqualTo("ABCD1234EF56");
    }

    @Test
    void shouldRefuseTenMegabyteKeyWithoutCrashing() {
        String huge = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "QUFB\n".repeat(2 * 1024 * 1024)
                + "-----END PGP PUBLIC KEY BLOCK-----\n";

        assertThat(inspector.inspect(huge, "ann@example.org", Fixtures.NOW).problems())
                .extracting(KeyProblem::code).containsExactly(KeyProblem.Code.TOO_LARGE);
    }

    @Test
    void shouldNotEchoSecretKeyMaterialInTheReason() {
        String secret = Fixtures.secretKey("ann");

        KeyReport report = inspector.inspect(secret, "ann@example.org", Fixtures.NOW);

        assertThat(report.fingerprint()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(KeyProblem.Code.SECRET_KEY);
            assertThat(p.message()).doesNotContain(secret.lines().skip(2).findFirst().orElseThrow());
        });
    }

    @Test
    void shouldRefuseSecretKeyHiddenUnderPublicKeyHeader() {
        String disguised = Fixtures.secretKey("ann").replace("PRIVATE KEY BLOCK", "PUBLIC KEY BLOCK");

        assertThat(inspector.inspect(disguised, "ann@example.org", Fixtures.NOW).problems())
                .extracting(KeyProblem::code).containsExactly(KeyProblem.Code.SECRET_KEY);
    }

    @Test
    void shouldReportOnlyTheRootCauseForSha1BoundKey() {
        KeyReport report = inspector.inspect(Fixtures.text("corpus/key-sha1-bindings.asc"), "sha1@example.org",
                Fixtures.NOW);

        assertThat(report.problems()).extracting(KeyProblem::code).containsExactly(KeyProblem.Code.SHA1_BINDING);
    }
}
