package org.vouchsafe.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per username and address, and per username across addresses, on
 * every door: HTTP Basic on the API, the login form, and Camunda's webapp login; no number of
 * failures locks an account for good. Each throttling test uses an account name of its own, so
 * that the demo accounts other tests use never have to wait. Several clients are played by
 * several loopback addresses ({@link Http.Call#sendFrom}); the waits' expiry, which takes real
 * minutes here, is tested on a controlled clock in {@code LoginThrottleTests}.
 */
@VouchsafeTest
class LoginThrottlingTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void shouldAnswer429AfterFiveFailedBasicSignIns() {
        String user = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(http.call("GET", "/api/catalogue/criteria").as(user, "guess" + i).send().status()).isEqualTo(401);
        }

        Http.Response sixth = http.call("GET", "/api/catalogue/criteria").as(user, "guess5").send();

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(sixth.json().path("detail").asText()).contains("Too many failed sign-ins");
    }

    @Test
    void shouldRefuseEvenTheRightPasswordWhileTheAddressWaits() {
        String user = account();
        for (int i = 0; i < 5; i++) {
            http.call("GET", "/api/catalogue/criteria").as(user, "wrong").send();
        }

        assertThat(http.call("GET", "/api/catalogue/criteria").as(user, Http.PASSWORD).send().status()).isEqualTo(429);
    }

    @Test
    void shouldThrottleTheLoginForm() {
        String user = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Http.Response failed = formLogin(user, "guess" + i);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        assertThat(formLogin(user, "guess5").status()).isEqualTo(429);
    }

    @Test
    void shouldThrottleTheCamundaWebappLogin() {
        String user = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(camundaLogin(user, "guess" + i).status()).isEqualTo(401);
        }

        assertThat(camundaLogin(user, "guess5").status()).isEqualTo(429);
    }

    @Test
    void shouldNeverLockTheAdminInCamundaHoweverManyPasswordsAreWrong() {
        // given: 50 wrong passwords for admin as the engine sees them from every door (Basic, form, webapps);
        // Camunda's default locks the account for good after 10 (ENGINE-27002)
        for (int i = 0; i < 50; i++) {
            assertThat(identity.checkPassword("admin", "guess-" + i)).isFalse();
        }

        // when / then: the right password works at once, on the API and in Camunda's webapps
        assertThat(http.call("GET", "/api/catalogue/criteria").as("admin").send().status()).isEqualTo(200);
        assertThat(camundaLogin("cockpit", "admin", Http.PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = 'admin'"))
                .containsEntry("ATTEMPTS_", 0).containsEntry("LOCK_EXP_TIME_", null);
    }

    @Test
    void shouldLetTheOwnerInAfterTenWrongPasswordsFromThreeOtherAddresses() {
        // given: the owner signed in from their machine, then the penetration test's attack
        String user = account();
        assertThat(basic(user, Http.PASSWORD, "127.0.0.1").status()).isEqualTo(200);
        String[] attackers = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};
        for (int i = 0; i < 10; i++) {
            assertThat(basic(user, "guess" + i, attackers[i % 3]).status()).isEqualTo(401);
        }

        // when / then: the owner is not locked out, neither by Camunda nor by the throttle
        assertThat(basic(user, Http.PASSWORD, "127.0.0.1").status()).isEqualTo(200);
        assertThat(identity.checkPassword(user, Http.PASSWORD)).isTrue();
    }

    @Test
    void shouldMakeNewAddressesWaitAfterGuessesFromManyAddressesButNotAnotherAccount() {
        // given: guesses for one account spread over five addresses, two each (the per-address limit is 5)
        String user = account();
        String other = account();
        assertThat(basic(user, Http.PASSWORD, "127.0.0.1").status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(basic(user, "guess" + i, "127.0.1." + (1 + i % 5)).status()).isEqualTo(401);
        }

        // when: the right password from an address that never signed in to this account
        Http.Response fresh = basic(user, Http.PASSWORD, "127.0.1.99");

        // then: it waits (a minute at first), before the password is checked ...
        assertThat(fresh.status()).isEqualTo(429);
        assertThat(Long.parseLong(fresh.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(basic(user, Http.PASSWORD, "127.0.1.1").status()).as("an attacking address").isEqualTo(429);
        // ... while the owner's own address and other accounts, even from an attacking address, are let in
        assertThat(basic(user, Http.PASSWORD, "127.0.0.1").status()).isEqualTo(200);
        assertThat(basic(other, Http.PASSWORD, "127.0.1.1").status()).isEqualTo(200);
    }

    private Http.Response basic(String user, String password, String address) {
        return http.call("GET", "/api/catalogue/criteria").as(user, password).sendFrom(address);
    }

    /** The login form with a valid CSRF token and session, as a browser would post it. */
    private Http.Response formLogin(String user, String password) {
        Http.Response page = http.call("GET", "/login").header("Accept", "text/html").send();
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("_csrf", token.group(1));
        return http.call("POST", "/login").header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
                .header("Accept", "text/html").form(Http.form(form)).send();
    }

    private Http.Response camundaLogin(String user, String password) {
        return camundaLogin("tasklist", user, password);
    }

    private Http.Response camundaLogin(String app, String user, String password) {
        Http.Response page = http.call("GET", "/camunda/app/" + app + "/default/").header("Accept", "text/html").send();
        String xsrf = page.cookie("XSRF-TOKEN");
        return http.call("POST", "/camunda/api/admin/auth/user/default/login/" + app)
                .header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID") + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .form(Http.form(Map.of("username", user, "password", password)))
                .send();
    }

    /** A throwaway account with the demo password and no group. */
    private String account() {
        String id = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(Http.PASSWORD);
        identity.saveUser(user);
        return id;
    }
}
