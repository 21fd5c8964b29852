package org.vouchsafe.system.hardening;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineRestAuthenticationFilter} on the engine REST API, after Spring
 * Security's filter chain: by then the caller is authenticated, and only list admins are let
 * through to {@code /engine-rest}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    static final String ENGINE_REST_PATTERN = "/engine-rest/*";

    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationFilter(IdentityService identityService) {
        FilterRegistrationBean<EngineRestAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(identityService));
        registration.setName("engineRestAuthenticationFilter");
        registration.addUrlPatterns(ENGINE_REST_PATTERN);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
