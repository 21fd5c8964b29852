package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.pgp.RequestChallenges;


/**
 * The glue of {@code processes/challenge-response.bpmn}: the timers' durations
 * ({@code ${challengeRound.reminder()}}, {@code ${challengeRound.validity()}}), whether anything is
 * left to wait for, and the two delegates {@code challengeIssue} and {@code challengeExpiry}.
 */
@Component("challengeRound")
public class ChallengeRound {

    private final RequestChallenges challenges;
    private final PgpProperties properties;

    ChallengeRound(RequestChallenges challenges, PgpProperties properties) {
        this.challenges = challenges;
        this.properties = properties;
    }

    /** The reminder timer, {@code vouchsafe.pgp.challenge-reminder}. */
    public String reminder() {
        return properties.pgp().challengeReminder().toString();
    }

    /** The expiry timer, {@code vouchsafe.pgp.challenge-validity}: the same validity the challenges state. */
    public String validity() {
        return properties.pgp().challengeValidity().toString();
    }

    /** True when no challenge is open, e.g. no key was usable or every answer came in already. */
    public boolean settled(String requestId) {
        return challenges.settled(requestId);
    }

    /** Issues one challenge per requester; idempotent, so a retried job changes nothing. */
    @Bean("challengeIssue")
    static JavaDelegate challengeIssue(RequestChallenges challenges) {
        return execution -> challenges.issueAll(execution.getProcessBusinessKey());
    }

    /** The validity timer fired: open challenges expire and criterion 8 is checked again. */
    @Bean("challengeExpiry")
    static JavaDelegate challengeExpiry(RequestChallenges challenges) {
        return execution -> challenges.expire(execution.getProcessBusinessKey());
    }
}
