package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile the list key needs a passphrase of its own, checked before anything starts. */
class ListKeyGuardTests {

    private static final String STRONG = "w7Q-list-key-passphrase-2f9K";

    @Test
    void shouldRefuseToStartWithoutAListKeyPassphraseOutsideTheDemo() {
        MockEnvironment environment = new MockEnvironment();

        assertThatThrownBy(() -> ListKeyGuard.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vouchsafe.pgp.list-key.passphrase")
                .hasMessageContaining("VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE")
                .hasMessageContaining("vouchsafe.pgp.list-key.passphrase-file")
                .hasMessageContaining("it is not set")
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    void shouldRefuseTheEmbeddedDefaultAndSayWhyWithoutRepeatingThePassphrase() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("vouchsafe.pgp.list-key.passphrase", "vouchsafe-embedded-default");

        // the message names the reason, but a passphrase never goes into the start-up log
        assertThatThrownBy(() -> ListKeyGuard.check(environment))
                .hasMessageContaining("it is (or contains) the embedded default")
                .hasMessageNotContaining("vouchsafe-embedded-default");
        MockEnvironment shortOne = new MockEnvironment().withProperty("vouchsafe.pgp.list-key.passphrase", "xyzzy-plugh");
        assertThatThrownBy(() -> ListKeyGuard.check(shortOne))
                .hasMessageContaining("it is shorter than 16 characters")
                .hasMessageNotContaining("xyzzy-plugh");
    }

    @Test
    void shouldRefuseShortRepetitiveDefaultOrAdminPassphrases() {
        assertThat(ListKeyPassphrase.problems(null, null)).containsExactly("it is not set");
        assertThat(ListKeyPassphrase.problems("   ", null)).containsExactly("it is not set");
        assertThat(ListKeyPassphrase.problems("Tr0ub4dor&3-x", null)).containsExactly("it is shorter than 16 characters");
        assertThat(ListKeyPassphrase.problems("VOUCHSAFE-EMBEDDED-DEFAULT-2026", null))
                .containsExactly("it is (or contains) the embedded default, which is published with the source code");
        assertThat(ListKeyPassphrase.problems("abababababababababab", null))
                .containsExactly("it repeats fewer than 5 different characters");
        assertThat(ListKeyPassphrase.problems(STRONG, STRONG))
                .containsExactly("it is the admin password (vouchsafe.admin.password)");
        assertThat(ListKeyPassphrase.problems(STRONG, "correct-Horse-battery-17")).isEmpty();
    }

    @Test
    void shouldStartWithAStrongPassphraseFromTheEnvironmentVariableTheMessageNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE", STRONG)));
        // as Spring Boot does for the application: relaxed names, so the variable binds to the property
        ConfigurationPropertySources.attach(environment);

        ListKeyGuard.check(environment);
    }

    @Test
    void shouldStartWithThePassphraseInAMountedSecretFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("list_key_passphrase");
        Files.writeString(secret, STRONG + "\n");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("vouchsafe.pgp.list-key.passphrase-file", secret.toString());

        ListKeyGuard.check(environment);

        assertThat(ListKeyPassphrase.resolve(null, secret)).isEqualTo(STRONG);
    }

    @Test
    void shouldRefuseAMissingPassphraseFileOrTwoPassphrases(@TempDir Path dir) {
        MockEnvironment missing = new MockEnvironment()
                .withProperty("vouchsafe.pgp.list-key.passphrase-file", dir.resolve("not-mounted").toString());
        MockEnvironment both = new MockEnvironment()
                .withProperty("vouchsafe.pgp.list-key.passphrase", STRONG)
                .withProperty("vouchsafe.pgp.list-key.passphrase-file", dir.resolve("not-mounted").toString());

        assertThatThrownBy(() -> ListKeyGuard.check(missing))
                .hasMessageContaining("VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE_FILE")
                .hasMessageContaining("Is the secret mounted?");
        assertThatThrownBy(() -> ListKeyGuard.check(both)).hasMessageContaining("set only one");
    }

    @Test
    void shouldRefuseAConfiguredKeyPathWithoutAFileBeforeAnythingStarts(@TempDir Path dir) {
        Path notMounted = dir.resolve("secrets/list-key.asc");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("vouchsafe.pgp.list-key.passphrase", STRONG)
                .withProperty("vouchsafe.pgp.list-key.path", notMounted.toString());

        assertThatThrownBy(() -> ListKeyGuard.check(environment))
                .hasMessageContaining("vouchsafe.pgp.list-key.path")
                .hasMessageContaining("no file there")
                .hasMessageContaining("never at a configured path");
        assertThat(notMounted).doesNotExist();
    }

    @Test
    void shouldGuardOnlyOutsideTheDemo() {
        assertThat(AnnotationUtils.findAnnotation(ListKeyGuard.class, Profile.class).value()).containsExactly("!demo");
    }
}
