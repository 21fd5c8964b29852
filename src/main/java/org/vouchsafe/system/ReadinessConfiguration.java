package org.vouchsafe.system;

import org.springframework.boot.actuate.availability.ReadinessStateHealthIndicator;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@link ReadinessGate} into the two places a client meets it: the readiness probe
 * (replacing Spring Boot's indicator of the same name, which knows only the application's own
 * state) and the 503 answer of {@code /api} before the application is ready.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

    /** The bean name is the one Spring Boot's probe configuration backs off from. */
    @Bean
    ReadinessStateHealthIndicator readinessStateHealthIndicator(ApplicationAvailability availability, ReadinessGate gate) {
        return new ReadinessStateHealthIndicator(availability) {
            @Override
            protected AvailabilityState getState(ApplicationAvailability applicationAvailability) {
                return gate.isReady() ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC;
            }
        };
    }

    /** After the firewall, before the pool-timeout answer, the body limit and Spring Security. */
    @Bean
    FilterRegistrationBean<NotReadyFilter> notReadyFilter(ReadinessGate gate) {
        FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(new NotReadyFilter(gate));
        registration.setName("notReadyFilter");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 35);
        return registration;
    }
}
