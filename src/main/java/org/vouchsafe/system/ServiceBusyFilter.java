package org.vouchsafe.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vouchsafe.problem.ServiceBusy;

/**
 * Answers 503 with {@code Retry-After} when the connection pool ran dry outside a controller:
 * checking a password (Spring Security calls Camunda's identity service in a filter) needs a
 * connection too, and an exception there would otherwise reach the servlet container as a 500.
 * Inside controllers the problem handler does the same.
 */
class ServiceBusyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceBusyFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!ServiceBusy.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Answered 503 to {} {}: no database connection in time", request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, ServiceBusy.RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503,\"detail\":\""
                    + ServiceBusy.DETAIL + "\"}");
        }
    }
}
