package org.vouchsafe.members;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MembersProperties.class)
class MembersConfiguration {
}
