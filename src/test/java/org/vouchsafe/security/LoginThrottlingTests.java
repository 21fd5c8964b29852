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
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per username and address on every door: HTTP Basic on the API,
 * the login form, and Camunda's webapp login. Each test uses an account name of its own, so
 * that the demo accounts other tests use are never locked.
 */
@VouchsafeTest
class LoginThrottlingTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

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
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(sixth.json().path("detail").asText()).contains("Too many failed sign-ins");
    }

    @Test
    void shouldRefuseEvenTheRightPasswordWhileLocked() {
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
        Http.Response page = http.call("GET", "/camunda/app/tasklist/default/").header("Accept", "text/html").send();
        String xsrf = page.cookie("XSRF-TOKEN");
        return http.call("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
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
