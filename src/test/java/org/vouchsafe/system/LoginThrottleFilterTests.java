package org.vouchsafe.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter in front of Camunda's webapp login, whose outcome it reads from the status, with
 * client addresses and time under the test's control (the running application sees one
 * loopback address and real time).
 */
class LoginThrottleFilterTests {

    private static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/default/login/cockpit";

    private final LoginThrottleTests.MutableClock clock = new LoginThrottleTests.MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottleFilter filter = new LoginThrottleFilter(new LoginThrottle(LoginThrottleTests.limits(10_000), clock));
    /** Camunda's login resource as far as the filter sees it: 401 for a wrong password, 200 for the right one. */
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final HttpServlet login = new HttpServlet() {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            passwordChecks.incrementAndGet();
            response.setStatus("right".equals(request.getParameter("password")) ? 200 : 401);
        }
    };

    @Test
    void shouldRefuseWithoutCheckingThePasswordDuringTheWaitAndAcceptTheRightOneAfterIt() throws Exception {
        // given: 50 wrong passwords for admin, from 50 addresses, each sent as soon as the throttle allows
        for (int i = 1; i <= 50; i++) {
            MockHttpServletResponse response = attempt("admin", "guess-" + i, "198.51.100." + i);
            if (response.getStatus() == 429) {
                clock.advance(Duration.ofSeconds(Long.parseLong(response.getHeader("Retry-After"))));
                response = attempt("admin", "guess-" + i, "198.51.100." + i);
            }
            assertThat(response.getStatus()).isEqualTo(401);
        }
        assertThat(passwordChecks).hasValue(50);

        // when: the admin tries from a new address with the right password
        MockHttpServletResponse refused = attempt("admin", "right", "203.0.113.1");

        // then: refused before the password is checked, for at most 15 minutes
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(passwordChecks).hasValue(50);
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(refused.getContentType()).startsWith("application/problem+json");

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(attempt("admin", "right", "203.0.113.1").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse attempt(String user, String password, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", CAMUNDA_LOGIN);
        request.setServletPath(CAMUNDA_LOGIN); // what the matcher reads, as under the DispatcherServlet
        request.setRemoteAddr(address);
        request.addParameter("username", user);
        request.addParameter("password", password);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(login));
        return response;
    }
}
