package org.vouchsafe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Vouchsafe runs the membership process of private security embargo lists such as the
 * Openwall (linux-)distros lists: filing, automated checks, reviewer votes, the admin's
 * decision and the roster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VouchsafeApplication {

    public static void main(String[] args) {
        SpringApplication.run(VouchsafeApplication.class, args);
    }
}
