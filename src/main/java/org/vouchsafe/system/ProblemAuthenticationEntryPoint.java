package org.vouchsafe.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's 401: the HTTP Basic challenge, with a problem+json body like every other refusal of
 * the API (Spring Security's own entry point sends the servlet error page's plain JSON instead),
 * so a client reads one error shape and the OpenAPI document tells the truth.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String DETAIL = "Sign in with HTTP Basic: a Vouchsafe account and its password.";

    private final String realm;

    ProblemAuthenticationEntryPoint(String realm) {
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(RejectedRequests.problemJson(HttpStatus.UNAUTHORIZED, DETAIL));
    }
}
