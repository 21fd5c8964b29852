package org.vouchsafe.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies Spring Security's firewall before every other filter. Spring Security applies the same
 * firewall itself, but only after its own request-path filter has parsed the path, and for a
 * servlet mapped by prefix ({@code /engine-rest}) that parse fails on {@code /engine-rest;x/...}
 * with an exception (a 500) before the firewall is reached.
 */
class RequestFirewallFilter extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejected;

    RequestFirewallFilter(HttpFirewall firewall, RequestRejectedHandler rejected) {
        this.firewall = firewall;
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // Only the verdict on the method, path and host is wanted here; Spring Security wraps the
            // request again later and checks headers and parameters as they are read.
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            rejected.handle(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
