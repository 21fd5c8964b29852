package org.vouchsafe.system;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Clean answers to requests refused before any controller runs: by Spring Security's firewall
 * ({@link RejectedRequests}, applied first by {@link RequestFirewallFilter}) and by Tomcat itself
 * ({@link ProblemErrorReportValve}). Spring Security picks up the firewall and the handler beans for its
 * own filter chain too.
 */
@Configuration(proxyBeanMethods = false)
class ErrorAnswersConfiguration {

    /** Spring Security's default rules, as one bean shared by its filter chain and ours. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedRequests();
    }

    /** First of all filters, before Spring Security's request-path parsing (see {@link RequestFirewallFilter}). */
    @Bean
    FilterRegistrationBean<RequestFirewallFilter> requestFirewallFilter(HttpFirewall firewall,
                                                                        RequestRejectedHandler rejected) {
        FilterRegistrationBean<RequestFirewallFilter> registration = new FilterRegistrationBean<>(
                new RequestFirewallFilter(firewall, rejected));
        registration.setName("requestFirewallFilter");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 40);
        return registration;
    }

    /**
     * Replaces the host's error report (Spring Boot adds Tomcat's, without server details) with ours.
     * Unordered, so it runs after Boot's own Tomcat customizer and removes the valve that one added;
     * naming our class as the host's error report valve keeps Tomcat from adding its default one at start.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorReportValveCustomizer() {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemErrorReportValve());
            if (context.getParent() instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
