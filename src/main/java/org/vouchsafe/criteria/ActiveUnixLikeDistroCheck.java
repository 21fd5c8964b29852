package org.vouchsafe.criteria;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/**
 * C1: an actively maintained Unix-like operating system distro with substantial use of Open
 * Source. The machine cannot know whether a distro is really maintained or how much Open Source
 * it uses, so this check never passes: it fails what the filing itself contradicts (declared not
 * Unix-like or not Open Source) and otherwise leaves the judgement to people, with the release
 * age as the one fact it can give.
 */
@Component
class ActiveUnixLikeDistroCheck implements CriterionCheck {

    private final CriteriaProperties settings;

    ActiveUnixLikeDistroCheck(CriteriaProperties settings) {
        this.settings = settings;
    }

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
        List<String> facts = new ArrayList<>();
        facts.add("Declared Unix-like and making substantial use of Open Source; reviewers judge whether it is an "
                + "actively maintained distro, from its homepage, releases and the answer.");
        facts.add(releaseAge(request.getLatestRelease(), today));
        return new CheckResult(CheckOutcome.MANUAL, facts);
    }

    private String releaseAge(LocalDate latestRelease, LocalDate today) {
        if (latestRelease == null) {
            return "No latest release date is given (distro.latestRelease); reviewers cannot see from the filing when "
                    + "the distro last released.";
        }
        long age = ChronoUnit.DAYS.between(latestRelease, today);
        if (age > settings.releaseMaxAgeDays()) {
            return "The latest release (" + latestRelease + ") is " + age + " days old, more than the "
                    + settings.releaseMaxAgeDays() + " days we point out (our setting, not the list's); ask how the "
                    + "distro is still actively maintained.";
        }
        return "The latest release (" + latestRelease + ") is " + age + " days old, within the "
                + settings.releaseMaxAgeDays() + " days we point out (our setting, not the list's).";
    }
}
