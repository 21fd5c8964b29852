package org.vouchsafe.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser-facing protection: security headers on every chain, CSRF on the web chain, session
 * and XSRF cookies that other sites' requests never carry, and Camunda's webapps left with
 * their own script policy so that Tasklist still loads.
 */
@VouchsafeTest
class WebChainTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");
    private static final Pattern SRC = Pattern.compile("src=\"([^\"]+)\"");
    private static final Pattern NONCE_ATTRIBUTE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern NONCE_SOURCE = Pattern.compile("'nonce-([^']+)'");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void shouldSendSecurityHeadersOnTheApiAndOnPages() {
        for (Http.Response response : List.of(
                http.call("GET", "/api/catalogue/criteria").as("applicant").send(),
                http.call("GET", "/api/catalogue/criteria").send(),
                http.call("GET", "/login").header("Accept", "text/html").send())) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
            assertThat(response.headers("Content-Security-Policy")).hasSize(1);
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                    .contains("script-src 'self'").doesNotContain("unsafe-eval");
        }
    }

    @Test
    void shouldLeaveTasklistWithCamundasOwnScriptPolicyAndItsScriptsLoading() {
        Http.Response tasklist = http.call("GET", "/camunda/app/tasklist/default/").header("Accept", "text/html").send();

        assertThat(tasklist.status()).isEqualTo(200);
        // One policy only: a second one would be enforced on top and block the nonce-bearing scripts.
        assertThat(tasklist.headers("Content-Security-Policy")).hasSize(1);
        String policy = tasklist.header("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors 'none'");
        Matcher nonce = NONCE_SOURCE.matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(tasklist.header("Strict-Transport-Security")).contains("max-age=31536000");

        Matcher script = SCRIPT.matcher(tasklist.body());
        int loaded = 0;
        while (script.find()) {
            Matcher scriptNonce = NONCE_ATTRIBUTE.matcher(script.group(1));
            assertThat(scriptNonce.find()).as("every script carries the nonce: " + script.group()).isTrue();
            assertThat(scriptNonce.group(1)).isEqualTo(nonce.group(1));
            Matcher src = SRC.matcher(script.group(1));
            if (src.find()) {
                Http.Response js = http.call("GET", src.group(1)).header("Accept", "*/*").send();
                assertThat(js.status()).as(src.group(1)).isEqualTo(200);
                loaded++;
            }
        }
        assertThat(loaded).as("Tasklist's bootstrap scripts").isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRefuseAFormPostWithoutTheCsrfToken() {
        Http.Response page = http.call("GET", "/login").header("Accept", "text/html").send();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "applicant");
        form.put("password", Http.PASSWORD);

        Http.Response withoutToken = http.call("POST", "/login").header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
                .header("Accept", "text/html").form(Http.form(form)).send();

        assertThat(withoutToken.status()).isEqualTo(403);
    }

    @Test
    void shouldSignInThroughTheFormWithTheCsrfToken() {
        Http.Response page = http.call("GET", "/login").header("Accept", "text/html").send();
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "applicant");
        form.put("password", Http.PASSWORD);
        form.put("_csrf", token.group(1));

        Http.Response signedIn = http.call("POST", "/login").header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
                .header("Accept", "text/html").form(Http.form(form)).send();

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        // A fresh session after sign-in (no fixation), hidden from scripts.
        assertThat(signedIn.setCookie("JSESSIONID")).isNotNull().containsIgnoringCase("HttpOnly");
        assertThat(signedIn.cookie("JSESSIONID")).isNotEqualTo(page.cookie("JSESSIONID"));
    }

    @Test
    void shouldNeverSendTheSessionCookieWithAnotherSitesRequestsInTheDemo() {
        Http.Response page = http.call("GET", "/login").header("Accept", "text/html").send();
        Http.Response signedIn = formLogin(page, "applicant");

        // SameSite=Strict in every profile; Secure only outside the demo, which runs on plain http://localhost
        for (String cookie : List.of(page.setCookie("JSESSIONID"), signedIn.setCookie("JSESSIONID"))) {
            assertThat(cookie).contains("SameSite=Strict").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        }
    }

    @Test
    void shouldSendCamundasSessionAndXsrfCookiesSameSiteStrictInTheDemo() {
        Http.Response tasklist = http.call("GET", "/camunda/app/tasklist/default/").header("Accept", "text/html").send();
        String xsrf = tasklist.cookie("XSRF-TOKEN");
        Http.Response login = http.call("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Cookie", "JSESSIONID=" + tasklist.cookie("JSESSIONID") + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .form(Http.form(Map.of("username", "reviewer1", "password", Http.PASSWORD)))
                .send();

        assertThat(login.status()).isEqualTo(200);
        for (Http.Response response : List.of(tasklist, login)) {
            assertThat(response.headers("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                    .containsOnlyOnce("SameSite=").contains("SameSite=Strict").doesNotContainIgnoringCase("Secure"));
        }
        assertThat(tasklist.setCookie("XSRF-TOKEN")).isNotNull();
        assertThat(login.setCookie("JSESSIONID")).as("a fresh session after sign-in").isNotNull();
    }

    private Http.Response formLogin(Http.Response page, String user) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", Http.PASSWORD);
        form.put("_csrf", token.group(1));
        Http.Response signedIn = http.call("POST", "/login").header("Cookie", "JSESSIONID=" + page.cookie("JSESSIONID"))
                .header("Accept", "text/html").form(Http.form(form)).send();
        assertThat(signedIn.status()).isEqualTo(302);
        return signedIn;
    }

    @Test
    void shouldNotUseCookiesOnTheApi() {
        Http.Response response = http.call("GET", "/api/requests").as("applicant").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Set-Cookie")).isEmpty();
    }
}
