package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.vouchsafe.intake.MembershipRequest;

/**
 * A criterion whose automated check is not part of this release: reviewers judge it by hand,
 * and the result says so honestly instead of guessing.
 */
class ManualUntilAutomatedCheck implements CriterionCheck {

    private final int criterion;
    private final String reason;

    ManualUntilAutomatedCheck(int criterion, String reason) {
        this.criterion = criterion;
        this.reason = reason;
    }

    @Override
    public int criterion() {
        return criterion;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        return CheckResult.manual(reason);
    }
}
