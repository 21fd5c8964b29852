package org.vouchsafe.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The REST API is stateless HTTP Basic against Camunda's identity
 * service; {@code /engine-rest} is for list admins only (out of the box it has no
 * authentication at all and accepts expressions); the Camunda webapps keep their own login,
 * CSRF protection and per-application authorizations, which shut applicants out of Tasklist.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static RequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    static RequestMatcher ant(HttpMethod method, String pattern) {
        return AntPathRequestMatcher.antMatcher(method, pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http
            // Servlet-independent matchers: /engine-rest is served by Camunda's Jersey servlet, which
            // Spring MVC patterns do not match; it would otherwise fall through to the web chain.
            .securityMatcher(new OrRequestMatcher(ant("/api/**"), ant("/engine-rest/**"), ant("/v3/api-docs/**"),
                    ant("/swagger-ui/**"), ant("/swagger-ui.html")))
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(ant(HttpMethod.POST, "/api/self-assessment")).permitAll()
                .requestMatchers(ant("/engine-rest/**")).hasAuthority(Roles.LIST_ADMINS)
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.realmName("Vouchsafe"));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http
            // Camunda's webapps run their own CSRF filter and login; Spring Security must not add a second one.
            .csrf(csrf -> csrf.ignoringRequestMatchers(ant("/camunda/**")))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(ant("/camunda/**"), ant("/actuator/health"), ant("/error"), ant("/css/**"), ant("/js/**"),
                        ant("/favicon.ico")).permitAll()
                .anyRequest().authenticated())
            // The pages' own sign-in page (web.HomeController); Spring Security still handles POST /login.
            .formLogin(form -> form.loginPage("/login").permitAll())
            .httpBasic(basic -> basic.realmName("Vouchsafe"));
        return http.build();
    }
}
