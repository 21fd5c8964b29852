package org.vouchsafe.system;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The REST API is stateless HTTP Basic against Camunda's identity
 * service; {@code /engine-rest} is for list admins only (out of the box it has no
 * authentication at all and accepts expressions); the Camunda webapps keep their own login,
 * CSRF protection and per-application authorizations, which shut applicants out of Tasklist.
 * The full route-by-role table is {@code src/test/resources/security/matrix.csv}, mirrored in
 * docs/security.md and enforced by {@code AuthorizationMatrixTests}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /**
     * For our pages and the API. Camunda's webapps are left out: they send their own policy
     * with a fresh script nonce per response, and a second policy would be enforced on top of it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            // Inline style attributes (Swagger UI, simple pages) are harmless next to blocked inline scripts.
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final long HSTS_MAX_AGE = 31_536_000;

    /** An {@code /api} route that needs no account, and why (the OpenAPI document says it too). */
    record OpenRoute(HttpMethod method, String pattern, String why) {
    }

    /** Every other {@code /api} route needs a signed-in account. */
    static final List<OpenRoute> OPEN_API_ROUTES = List.of(
            new OpenRoute(HttpMethod.POST, "/api/self-assessment",
                    "No account needed (rate-limited per address): nothing is stored."),
            // Vouchers need no account: the OpenPGP signature over the served statement authenticates them.
            new OpenRoute(HttpMethod.POST, "/api/requests/*/vouches",
                    "No account needed: the voucher's OpenPGP signature over the served statement authenticates them."),
            new OpenRoute(HttpMethod.GET, "/api/requests/*/vouches/statement",
                    "No account needed: the statement a voucher signs."),
            // An invited member has no password yet: the one-time token in the path is the credential.
            new OpenRoute(HttpMethod.POST, "/api/invitations/*",
                    "No account needed: the one-time token of the invitation mail is the credential; it sets the password once."));

    static RequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    static RequestMatcher ant(HttpMethod method, String pattern) {
        return AntPathRequestMatcher.antMatcher(method, pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http
            // Servlet-independent matchers: /engine-rest is served by Camunda's Jersey servlet, which
            // Spring MVC patterns do not match; it would otherwise fall through to the web chain.
            .securityMatcher(new OrRequestMatcher(ant("/api/**"), ant("/engine-rest/**"), ant("/v3/api-docs*"), ant("/v3/api-docs/**"),
                    ant("/swagger-ui/**"), ant("/swagger-ui.html")))
            // No session and no cookie to ride on: credentials come with every request. The one
            // ambient credential left, a browser's remembered Basic login, is fenced by CrossSiteRequestFilter.
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .headers(SecurityConfig::headers)
            .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
            .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(OPEN_API_ROUTES.stream().map(r -> ant(r.method(), r.pattern())).toArray(RequestMatcher[]::new))
                    .permitAll()
                .requestMatchers(ant("/engine-rest/**")).hasAuthority(Roles.LIST_ADMINS)
                .anyRequest().authenticated())
            // 401 as problem+json, like every other refusal of the API
            .exceptionHandling(e -> e.authenticationEntryPoint(new ProblemAuthenticationEntryPoint("Vouchsafe")))
            .httpBasic(basic -> basic.realmName("Vouchsafe")
                    .authenticationEntryPoint(new ProblemAuthenticationEntryPoint("Vouchsafe")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http
            // Camunda's webapps run their own CSRF filter and login; Spring Security must not add a second one.
            .csrf(csrf -> csrf.ignoringRequestMatchers(ant("/camunda/**")))
            .headers(SecurityConfig::headers)
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(ant("/camunda/**"), ant("/actuator/health"), ant("/actuator/health/liveness"),
                        ant("/actuator/health/readiness"), ant("/error"), ant("/css/**"), ant("/js/**"),
                        ant("/favicon.ico")).permitAll()
                // The page where an invited member chooses a password: the token in the path is the credential.
                .requestMatchers(ant("/invitations/*")).permitAll()
                .anyRequest().authenticated())
            // The pages' own sign-in page (web.HomeController); Spring Security still handles POST /login.
            .formLogin(form -> form.loginPage("/login").permitAll())
            .httpBasic(basic -> basic.realmName("Vouchsafe"));
        return http.build();
    }

    /**
     * The same headers on every route: no MIME sniffing, no framing, HSTS, same-origin referrers,
     * and our CSP everywhere except under {@code /camunda}.
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers
            .contentTypeOptions(options -> { })
            .frameOptions(frame -> frame.deny())
            // Sent on plain HTTP too (browsers ignore it there), so it does not depend on the proxy
            // forwarding the scheme correctly.
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE)
                    .requestMatcher(AnyRequestMatcher.INSTANCE))
            // Camunda's CSRF filter compares the Referer of its own POSTs, so same-origin referrers stay.
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(ant("/camunda/**")),
                    new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
    }
}
