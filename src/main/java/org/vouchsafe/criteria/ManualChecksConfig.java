package org.vouchsafe.criteria;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Criteria 3, 8 and 9 are judged by reviewers until their automated checks land; each bean
 * here is removed when the feature that automates its criterion arrives (CriteriaService
 * refuses to start with two checks for one criterion).
 */
@Configuration
class ManualChecksConfig {

    @Bean
    CriterionCheck trackRecordCriterionCheck() {
        return new ManualUntilAutomatedCheck(3, "A reviewer must judge the track record: follow the evidence links and "
                + "check a year of fixes released within 10 days of disclosure, some handled on (linux-)distros.");
    }

    @Bean
    CriterionCheck encryptedMailCriterionCheck() {
        return new ManualUntilAutomatedCheck(8, "A reviewer must judge PGP-encrypted mail handling: send each requester "
                + "an encrypted message to their key and ask for a reply.");
    }
}
