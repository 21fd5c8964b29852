package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;

/** C6: accepts the current list policy. */
@Component
class PolicyAcceptanceCheck implements CriterionCheck {

    private final Catalogue catalogue;

    PolicyAcceptanceCheck(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public int criterion() {
        return 6;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        String current = catalogue.currentPolicy().version();
        if (request.isPolicyAccepted() && current.equals(request.getPolicyVersion())) {
            return CheckResult.pass("The current list policy (version " + current + ") is accepted.");
        }
        return CheckResult.fail("The current list policy (version " + current + ") is not accepted; "
                + "read GET /api/catalogue/policy and accept that version.");
    }
}
