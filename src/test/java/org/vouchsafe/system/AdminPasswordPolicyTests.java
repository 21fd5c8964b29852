package org.vouchsafe.system;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.context.annotation.Profile;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminPasswordPolicyTests {

    @Test
    void shouldAcceptALongUnusualPassword() {
        assertThat(AdminPasswordPolicy.problems("admin", "correct-Horse-battery-17")).isEmpty();
    }

    @Test
    void shouldRefuseMissingShortDefaultRepetitiveOrUsernamePasswords() {
        assertThat(AdminPasswordPolicy.problems("admin", null)).containsExactly("it is not set");
        assertThat(AdminPasswordPolicy.problems("admin", "  ")).containsExactly("it is not set");
        assertThat(AdminPasswordPolicy.problems("admin", "Tr0ub4dor&3")).containsExactly("it is shorter than 12 characters");
        assertThat(AdminPasswordPolicy.problems("admin", "Password1234!")).containsExactly("it is a well-known default password");
        assertThat(AdminPasswordPolicy.problems("admin", "changeme2026")).containsExactly("it is a well-known default password");
        assertThat(AdminPasswordPolicy.problems("admin", "demodemodemo")).containsExactly("it repeats fewer than 5 different characters");
        assertThat(AdminPasswordPolicy.problems("operations-lead", "Operations-Lead"))
                .containsExactly("it equals the username");
        assertThat(AdminPasswordPolicy.problems("admin", "demo")).hasSize(3);
    }

    @Test
    void shouldRefuseToStartWithoutAnAdminPasswordOutsideTheDemo() {
        MockEnvironment environment = new MockEnvironment();

        assertThatThrownBy(() -> AdminCredentialsGuard.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vouchsafe.admin.password")
                .hasMessageContaining("it is not set");
    }

    @Test
    void shouldRefuseToStartWithAWeakAdminPasswordOutsideTheDemo() {
        MockEnvironment environment = new MockEnvironment().withProperty("vouchsafe.admin.password", "xyzzy");

        // the message says why, but never repeats the password into the start-up log
        assertThatThrownBy(() -> AdminCredentialsGuard.check(environment))
                .hasMessageContaining("shorter than 12 characters")
                .hasMessageNotContaining("xyzzy");
    }

    @Test
    void shouldRefuseToStartWithCamundasDemoAdminOutsideTheDemo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("vouchsafe.admin.password", "correct-Horse-battery-17")
                .withProperty("camunda.bpm.admin-user.id", "admin");

        assertThatThrownBy(() -> AdminCredentialsGuard.check(environment)).hasMessageContaining("camunda.bpm.admin-user");
    }

    @Test
    void shouldStartWithAStrongAdminPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("vouchsafe.admin.password", "correct-Horse-battery-17");

        AdminCredentialsGuard.check(environment);
    }

    @Test
    void shouldSeedDemoAccountsOnlyInTheDemoAndTheConfiguredAdminOnlyOutsideIt() {
        assertThat(AnnotationUtils.findAnnotation(DemoIdentities.class, Profile.class).value()).containsExactly("demo");
        assertThat(AnnotationUtils.findAnnotation(AdminAccount.class, Profile.class).value()).containsExactly("!demo");
        assertThat(AnnotationUtils.findAnnotation(AdminCredentialsGuard.class, Profile.class).value()).containsExactly("!demo");
    }
}
