package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;

/**
 * The automated check of one criterion. Checks are pure functions of the request and the
 * date, so the self-assessment can run them on a request that is never stored.
 */
public interface CriterionCheck {

    /** The criterion number, 1–9. */
    int criterion();

    CheckResult check(MembershipRequest request, LocalDate today);

    /**
     * The check of a payload that is not stored (the self-assessment): {@code request} is built
     * from {@code filing} and has no id. Most checks read everything they need from the request;
     * a check whose evidence lives in its own tables (the track record) reads it from the payload.
     */
    default CheckResult checkPayload(MembershipRequest request, FilingRequest filing, LocalDate today) {
        return check(request, today);
    }
}
