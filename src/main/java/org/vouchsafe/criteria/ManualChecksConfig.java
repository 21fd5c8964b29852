package org.vouchsafe.criteria;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Criteria whose automated checks have not landed yet are judged by reviewers; each bean
 * here is removed when the feature that automates its criterion arrives (CriteriaService
 * refuses to start with two checks for one criterion).
 */
@Configuration
class ManualChecksConfig {

    @Bean
    CriterionCheck vouchingCriterionCheck() {
        return new ManualUntilAutomatedCheck(9, "A reviewer must judge the vouching: confirm with the named voucher that "
                + "they vouch for the requester and that they are a member or a long-time oss-security participant.");
    }
}
