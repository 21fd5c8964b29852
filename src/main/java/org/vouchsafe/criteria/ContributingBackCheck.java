package org.vouchsafe.criteria;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RoleCommitment;

/** C7: able and willing to contribute back, in specific ways announced in advance. */
@Component
class ContributingBackCheck implements CriterionCheck {

    /** Shorter specifics ("we'll help") do not say what the member will actually do. */
    static final int MIN_SPECIFICS = 20;

    @Override
    public int criterion() {
        return 7;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        List<String> specific = request.getRoles().stream()
                .filter(role -> role.getSpecifics() != null && role.getSpecifics().trim().length() >= MIN_SPECIFICS)
                .map(RoleCommitment::getRoleId)
                .toList();
        if (specific.isEmpty()) {
            return CheckResult.fail("No catalogue role with specifics of at least " + MIN_SPECIFICS + " characters; "
                    + "choose at least one role (GET /api/catalogue/roles) and say concretely what you will do in it.");
        }
        return CheckResult.pass("Commits to " + String.join(", ", specific) + " with specifics.");
    }
}
