package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/** C4: not (only) downstream or a rebuild of another distro, or else a convincing justification. */
@Component
class NotOnlyDownstreamCheck implements CriterionCheck {

    @Override
    public int criterion() {
        return 4;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        if (!request.isDownstream()) {
            return CheckResult.pass("The distro declares no upstream distro.");
        }
        if (request.getDownstreamJustification() == null || request.getDownstreamJustification().isBlank()) {
            return CheckResult.fail("The distro derives from " + request.getUpstream() + " but gives no justification; "
                    + "explain in evidence.downstreamJustification how membership would let you release fixes sooner "
                    + "than " + request.getUpstream() + ".");
        }
        return CheckResult.manual("The distro derives from " + request.getUpstream() + "; reviewers judge whether the "
                + "justification shows membership would let it fix sooner, without waiting for " + request.getUpstream() + ".");
    }
}
