package org.vouchsafe.web;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's filing form is one multipart form (it carries key and CSV files) with about a
 * hundred fields: nine answers, eighteen roles, evidence rows. Tomcat refuses multipart
 * requests with more than {@code server.tomcat.max-part-count} parts (50 by default) with a
 * bare 400, so the limit is raised to what the form needs; a higher configured value is kept.
 */
@Configuration
class FormPartsConfig {

    /** Room for the form's fixed fields and a few dozen added rows. */
    static final int FILING_FORM_PARTS = 400;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> filingFormParts(ServerProperties server) {
        int parts = Math.max(server.getTomcat().getMaxPartCount(), FILING_FORM_PARTS);
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPartCount(parts));
    }
}
