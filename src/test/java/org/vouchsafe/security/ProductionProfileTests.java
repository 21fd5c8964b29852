package org.vouchsafe.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.vouchsafe.VouchsafeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What changes outside the demo profile, checked without the shared context: the real
 * application refuses to start without an admin password or a list key passphrase (it stops
 * before the database and the engine, so this is cheap), and the configuration files harden
 * the cookies.
 */
class ProductionProfileTests {

    @Test
    void shouldRefuseToStartInProductionWithoutAnAdminPassword() {
        SpringApplication app = quiet(new SpringApplicationBuilder(VouchsafeApplication.class)
                .profiles("prod")
                .properties(Map.of("spring.datasource.url", "jdbc:h2:mem:prod-refusal-" + UUID.randomUUID(),
                        "server.port", "0", "spring.main.banner-mode", "off",
                        // only the admin password is missing
                        "vouchsafe.pgp.list-key.passphrase", "w7Q-list-key-passphrase-2f9K"))
                .build());

        assertThatThrownBy(() -> app.run().close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("vouchsafe.admin.password")
                        .hasMessageContaining("it is not set"));
    }

    @Test
    void shouldRefuseToStartInProductionWithoutAListKeyPassphraseAndGenerateNoKey(@TempDir Path dataDir) {
        SpringApplication app = quiet(new SpringApplicationBuilder(VouchsafeApplication.class)
                .profiles("prod")
                .properties(Map.of("spring.datasource.url", "jdbc:h2:mem:prod-refusal-" + UUID.randomUUID(),
                        "server.port", "0", "spring.main.banner-mode", "off",
                        "vouchsafe.admin.password", "correct-Horse-battery-17",
                        "vouchsafe.data-dir", dataDir.toString()))
                .build());

        assertThatThrownBy(() -> app.run().close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("vouchsafe.pgp.list-key.passphrase")
                        .hasMessageContaining("VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE")
                        .hasMessageContaining("it is not set"));
        // stopped before the list key existed: no key under the published default passphrase
        assertThat(dataDir.resolve("list-key.asc")).doesNotExist();
    }

    @Test
    void shouldMakeCookiesSecureStrictAndHttpOnlyOutsideTheDemo() {
        try (ConfigurableApplicationContext prod = configOnly("prod")) {
            Environment env = prod.getEnvironment();
            assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
            assertThat(env.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
            assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("strict");
            // the webapps use the same session cookie; Camunda's filter would only add the attributes twice
            assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-same-site-cookie")).isEqualTo("false");
            assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isNull();
            assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
            assertThat(env.getProperty("camunda.bpm.webapp.csrf.same-site-cookie-option")).isEqualTo("STRICT");
            assertThat(env.getProperty("camunda.bpm.admin-user.id")).isNull();
            assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("framework");
        }
    }

    @Test
    void shouldKeepPlainHttpCookiesInTheDemoAndSeedItsAdminItself() {
        try (ConfigurableApplicationContext demo = configOnly()) {
            Environment env = demo.getEnvironment();
            assertThat(env.getActiveProfiles()).isEmpty();
            assertThat(env.getDefaultProfiles()).containsExactly("demo");
            assertThat(env.getProperty("server.servlet.session.cookie.secure")).isNull();
            // plain http://localhost, but still never sent with another site's requests
            assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("strict");
            assertThat(env.getProperty("camunda.bpm.webapp.csrf.same-site-cookie-option")).isEqualTo("STRICT");
            assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isNull();
            // DemoIdentities seeds the admin under the start-up lock; Camunda's own set-up would race in a cluster
            assertThat(env.getProperty("camunda.bpm.admin-user.id")).isNull();
        }
    }

    /** Loads the application's configuration files for the profiles, with no beans at all. */
    private static ConfigurableApplicationContext configOnly(String... profiles) {
        return quiet(new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).profiles(profiles)
                .properties("spring.main.banner-mode=off").build()).run();
    }

    /** The shared test context's logging stays as it is. */
    private static SpringApplication quiet(SpringApplication app) {
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        app.setLogStartupInfo(false);
        return app;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
