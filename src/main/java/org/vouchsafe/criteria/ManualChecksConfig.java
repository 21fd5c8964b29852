package org.vouchsafe.criteria;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Criteria 8 and 9 are judged by reviewers until their automated checks land; each bean
 * here is removed when the feature that automates its criterion arrives (CriteriaService
 * refuses to start with two checks for one criterion).
 */
@Configuration
class ManualChecksConfig {

    @Bean
    CriterionCheck encryptedMailCriterionCheck() {
        return new ManualUntilAutomatedCheck(8, "A reviewer must judge PGP-encrypted mail handling: send each requester "
                + "an encrypted message to their key and ask for a reply.");
    }

    @Bean
    CriterionCheck vouchingCriterionCheck() {
        return new ManualUntilAutomatedCheck(9, "A reviewer must judge the vouching: confirm with the named voucher that "
                + "they vouch for the requester and that they are a member or a long-time oss-security participant.");
    }
}
