package org.vouchsafe.pgp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OpenPGP feature: its properties and the explicit {@link KeyPolicy} the list configures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PgpProperties.class, KeyPolicyProperties.class})
class PgpConfiguration {

    @Bean
    KeyPolicy keyPolicy(KeyPolicyProperties properties) {
        return properties.toKeyPolicy();
    }
}
