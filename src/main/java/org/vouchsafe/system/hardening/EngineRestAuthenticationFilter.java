package org.vouchsafe.system.hardening;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest}: the user Spring Security authenticated, with
 * their groups (the authorities are exactly the Camunda group ids) and tenants, for the length
 * of the request. The REST starter does not do this by itself, so without it the engine saw
 * every REST call as anonymous: Camunda's authorization checks, its query result limit and its
 * user operation log all skip calls without a user, and nothing could record who changed what.
 * The webapps ({@code /camunda/api}) authenticate their own calls the same way from their session.
 *
 * <p>It runs after Spring Security's filter chain, which admits only list admins here.
 */
final class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineRestAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String user = caller.getName();
        List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identityService.setAuthentication(user, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            // Request threads are pooled: the next request on this thread must not inherit the user.
            identityService.clearAuthentication();
        }
    }
}
