package org.vouchsafe.system;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the body-size limit on {@code /api}. It runs before Spring Security (and before
 * the Camunda expression filter's own limit, which guards {@code /engine-rest} and
 * {@code /camunda/api}), because refusing an oversized body is cheaper than checking a password.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityLimits.class)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecurityLimits limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.body().maxJson().toBytes(), limits.body().maxUpload().toBytes()));
        registration.setName("requestBodyLimitFilter");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    /** Outside Spring Security, so that a pool timeout while checking a password is a 503 as well. */
    @Bean
    FilterRegistrationBean<ServiceBusyFilter> serviceBusyFilter() {
        FilterRegistrationBean<ServiceBusyFilter> registration = new FilterRegistrationBean<>(new ServiceBusyFilter());
        registration.setName("serviceBusyFilter");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 30);
        return registration;
    }
}
