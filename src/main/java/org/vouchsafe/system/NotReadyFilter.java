package org.vouchsafe.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every {@code /api} call 503 with {@code Retry-After} until the application is
 * {@linkplain ReadinessGate#isReady() ready}: the port opens before the accounts are seeded, and
 * "try again in a moment" is the truth where a 401 for a correct password or a 500 would not be.
 * It runs before Spring Security, so no password is checked against an identity table still
 * being filled. Clients that honour {@code Retry-After} (curl --retry does) need no probe.
 */
class NotReadyFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";
    static final String DETAIL = "Vouchsafe is starting and not ready yet; try again in a few seconds.";

    private final ReadinessGate gate;

    NotReadyFilter(ReadinessGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (gate.isReady()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Starting\",\"status\":503,\"detail\":\""
                + DETAIL + "\",\"errors\":[]}");
    }
}
