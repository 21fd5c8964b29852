package org.vouchsafe.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. The REST API is stateless HTTP Basic against Camunda's identity
 * service; {@code /engine-rest} is for list admins only (out of the box it has no
 * authentication at all and accepts expressions); the Camunda webapps keep their own login,
 * CSRF protection and per-application authorizations, which shut applicants out of Tasklist.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/self-assessment").permitAll()
                .requestMatchers("/engine-rest/**").hasAuthority(Roles.LIST_ADMINS)
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.realmName("Vouchsafe"));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http
            // Camunda's webapps run their own CSRF filter and login; Spring Security must not add a second one.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/camunda/**", "/actuator/health", "/error", "/css/**", "/js/**", "/favicon.ico").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.permitAll())
            .httpBasic(basic -> basic.realmName("Vouchsafe"));
        return http.build();
    }
}
