package org.vouchsafe.pgp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OpenPGP feature: its properties and the explicit {@link KeyPolicy}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PgpProperties.class)
class PgpConfiguration {

    @Bean
    KeyPolicy keyPolicy() {
        return KeyPolicy.standard();
    }
}
