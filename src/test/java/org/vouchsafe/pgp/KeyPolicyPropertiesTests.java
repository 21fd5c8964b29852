package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The key policy is the list's to set under {@code vouchsafe.pgp.key-policy.*}: the defaults are
 * {@link KeyPolicy#standard()}, a configured policy is the one every key is judged by, and a
 * nonsense value stops the start-up with a message naming the property.
 */
class KeyPolicyPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PgpConfiguration.class)
            .withBean(CertificateInspector.class);

    @Test
    void shouldDefaultToTheStandardPolicy() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(KeyPolicy.class)).isEqualTo(KeyPolicy.standard());
            assertThat(KeyPolicy.standard().minRsaBits()).isEqualTo(2048);
            assertThat(KeyPolicy.standard().recommendedRsaBits()).isEqualTo(3072);
        });
    }

    @Test
    void shouldJudgeKeysByTheConfiguredPolicy() {
        context.withPropertyValues("vouchsafe.pgp.key-policy.min-rsa-bits=3072",
                "vouchsafe.pgp.key-policy.recommended-rsa-bits=4096").run(c -> {
            CertificateInspector inspector = c.getBean(CertificateInspector.class);

            KeyReport rsa2048 = inspector.inspect(org.vouchsafe.support.Fixtures.publicKey("dan"), "dan@example.org",
                    Fixtures.NOW);
            KeyReport rsa3072 = inspector.inspect(Fixtures.publicKey("bob"), "bob@example.org", Fixtures.NOW);

            assertThat(rsa2048.problems()).extracting(KeyProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("RSA with 2048 bits is below the minimum of 3072"));
            assertThat(rsa3072.healthy()).isTrue();
            assertThat(rsa3072.concerns()).singleElement().extracting(KeyProblem::message).asString()
                    .contains("RSA with 3072 bits", "4096 bits or more");
        });
    }

    @Test
    void shouldAcceptDsaOnlyWhenTheListAllowsItAndThenJudgeItsSizeLikeRsa() {
        context.withPropertyValues("vouchsafe.pgp.key-policy.allowed-algorithms=rsa,dsa,elgamal,eddsa,ecdh").run(c -> {
            KeyReport dsa1024 = c.getBean(CertificateInspector.class).inspect(
                    Fixtures.text("corpus/key-dsa1024-elg1024.asc"), "dsa@example.org", Fixtures.NOW);

            assertThat(dsa1024.problems()).extracting(KeyProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("DSA with 1024 bits is below the minimum of 2048"));
        });
    }

    @Test
    void shouldRefuseToStartWithAnRsaMinimumBelow1024() {
        assertRefused("vouchsafe.pgp.key-policy.min-rsa-bits=512", "vouchsafe.pgp.key-policy.min-rsa-bits");
    }

    @Test
    void shouldRefuseToStartWithARecommendationBelowTheMinimum() {
        assertRefused("vouchsafe.pgp.key-policy.recommended-rsa-bits=1024", "vouchsafe.pgp.key-policy.recommended-rsa-bits");
    }

    @Test
    void shouldRefuseToStartWhenNoAllowedAlgorithmCanEncrypt() {
        assertRefused("vouchsafe.pgp.key-policy.allowed-algorithms=ed25519,eddsa", "vouchsafe.pgp.key-policy.allowed-algorithms");
    }

    @Test
    void shouldRefuseToStartWithAnUnknownAlgorithmName() {
        assertRefused("vouchsafe.pgp.key-policy.allowed-algorithms=rsa,rot13", "vouchsafe.pgp.key-policy.allowed-algorithms");
    }

    @Test
    void shouldRefuseToStartWhenSha256IsRejected() {
        assertRefused("vouchsafe.pgp.key-policy.rejected-hashes=sha1,sha256", "vouchsafe.pgp.key-policy.rejected-hashes");
    }

    private void assertRefused(String setting, String property) {
        context.withPropertyValues(setting).run(c -> {
            assertThat(c).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = c.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(property);
        });
    }
}
