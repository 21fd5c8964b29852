package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.vouchsafe.intake.MembershipRequest;

/**
 * The automated check of one criterion. Checks are pure functions of the request and the
 * date, so the self-assessment can run them on a request that is never stored.
 */
public interface CriterionCheck {

    /** The criterion number, 1–9. */
    int criterion();

    CheckResult check(MembershipRequest request, LocalDate today);
}
