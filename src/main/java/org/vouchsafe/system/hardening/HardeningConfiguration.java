package org.vouchsafe.system.hardening;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the expression filter on Camunda's two REST surfaces: the engine REST API
 * ({@code /engine-rest}) and the webapps' API ({@code /camunda/api}, which includes the engine
 * API the webapps call). It runs just before Spring Security: the check is cheap, stateless and
 * applies to every caller, and Camunda's own webapp filters come later still.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HardeningProperties.class)
class HardeningConfiguration {

    static final String[] CAMUNDA_REST_PATTERNS = {"/engine-rest/*", "/camunda/api/*"};

    @Bean
    FilterRegistrationBean<ExpressionParameterFilter> expressionParameterFilter(HardeningProperties properties) {
        FilterRegistrationBean<ExpressionParameterFilter> registration =
                new FilterRegistrationBean<>(new ExpressionParameterFilter((int) properties.maxInspectedBody().toBytes()));
        registration.setName("expressionParameterFilter");
        registration.addUrlPatterns(CAMUNDA_REST_PATTERNS);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
