package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/** C2: a userbase not limited to the distro's own organization; only people can weigh the evidence. */
@Component
class UserbaseCheck implements CriterionCheck {

    @Override
    public int criterion() {
        return 2;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        if (request.getUserbase() == null || request.getUserbase().isBlank()) {
            return CheckResult.fail("No userbase evidence is given; describe who uses the distro beyond your own "
                    + "organization in evidence.userbase (download figures, known deployments, community size).");
        }
        return CheckResult.manual("Userbase evidence is given; reviewers judge whether it shows users beyond the "
                + "distro's own organization.");
    }
}
