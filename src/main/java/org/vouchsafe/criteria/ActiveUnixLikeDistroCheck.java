package org.vouchsafe.criteria;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/** C1: an actively maintained Unix-like operating system distro with substantial use of Open Source. */
@Component
class ActiveUnixLikeDistroCheck implements CriterionCheck {

    /** A release within a year is taken as "actively maintained". */
    static final long MAX_RELEASE_AGE_DAYS = 365;

    @Override
    public int criterion() {
        return 1;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        List<String> failures = new ArrayList<>();
        if (!request.isUnixLike()) {
            failures.add("The distro is declared as not Unix-like; the lists are for Unix-like operating system distros.");
        }
        if (!request.isOpenSource()) {
            failures.add("The distro is declared as not making substantial use of Open Source components.");
        }
        if (!failures.isEmpty()) {
            return new CheckResult(CheckOutcome.FAIL, failures);
        }
        if (request.getLatestRelease() == null) {
            return CheckResult.concern("No latest release date is given; give distro.latestRelease so reviewers can "
                    + "see the distro is actively maintained.");
        }
        long age = ChronoUnit.DAYS.between(request.getLatestRelease(), today);
        if (age > MAX_RELEASE_AGE_DAYS) {
            return CheckResult.concern("The latest release (" + request.getLatestRelease() + ") is " + age
                    + " days old, more than a year; explain how the distro is still actively maintained.");
        }
        return CheckResult.pass("Unix-like, Open Source, latest release " + request.getLatestRelease() + " (" + age
                + " days ago).");
    }
}
