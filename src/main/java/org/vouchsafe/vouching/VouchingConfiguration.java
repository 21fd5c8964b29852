package org.vouchsafe.vouching;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wires the vouching feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VouchingProperties.class)
class VouchingConfiguration {
}
