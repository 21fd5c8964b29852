package org.vouchsafe.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a sign-in attempt (HTTP Basic, the login form, or the Camunda webapps'
 * login) while {@link LoginThrottle} says its username and address must wait, before the
 * password is checked at all: a refused attempt is neither a failure nor a success, so it
 * neither lengthens the wait nor lets a guess through, and the right password works again as
 * soon as the wait is over. Spring Security reports Basic and form-login outcomes to the
 * throttle through its authentication events; the Camunda webapps check passwords themselves,
 * so for their login the outcome is read from the response status here.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher FORM_LOGIN = SecurityConfig.ant(HttpMethod.POST, "/login");
    /** Camunda's webapp login, {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
    static final RequestMatcher CAMUNDA_LOGIN = SecurityConfig.ant(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean camundaLogin = CAMUNDA_LOGIN.matches(request);
        Optional<String> username = camundaLogin || FORM_LOGIN.matches(request)
                ? Optional.ofNullable(request.getParameter("username"))
                : basicUsername(request);
        if (username.isEmpty() || username.get().isBlank()) {
            // No account named: nothing to count or lock (Spring Security or Camunda refuse it).
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blockedFor(username.get(), address);
        if (wait.isPresent()) {
            tooManyAttempts(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (camundaLogin) {
            // Camunda answers 401 to a wrong password and 403 to a right one without access to the app.
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                throttle.failed(username.get(), address);
            } else if (response.getStatus() < 300) {
                throttle.succeeded(username.get(), address);
            }
        }
    }

    /** The username of a Basic authorization header; a malformed header is left to Spring Security to refuse. */
    static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        long minutes = Math.max(1, (seconds + 59) / 60);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many failed sign-ins for this account; try again in " + minutes
                + " minute(s).\",\"errors\":[]}");
    }
}
