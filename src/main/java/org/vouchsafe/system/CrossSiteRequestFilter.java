package org.vouchsafe.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The stateless API's stand-in for a CSRF token. The API has no session cookie, but a browser
 * that once answered its Basic prompt sends those credentials with every request to the site,
 * including a form that another site posts. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); tools such as curl send neither. So a state-changing
 * request that a browser marks as coming from another site is refused with 403; everything else
 * passes.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"Requests from other sites may not change anything here.\",\"errors\":[]}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !Set.of("same-origin", "none").contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return !(request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            // "null" (sandboxed or privacy-redirected pages) and garbage are not this site.
            return true;
        }
    }
}
