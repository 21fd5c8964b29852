package org.vouchsafe.criteria;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/** C5: participates in relevant public communities, most notably watches oss-security. */
@Component
class CommunityParticipationCheck implements CriterionCheck {

    @Override
    public int criterion() {
        return 5;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        long https = request.getCommunityLinks().stream().filter(link -> link.startsWith("https://")).count();
        if (https == 0) {
            return CheckResult.concern("No https link shows participation in public communities; add links to your "
                    + "postings on oss-security or other public security channels in evidence.communityLinks.");
        }
        return CheckResult.pass(https + " https link(s) to public community participation; reviewers judge their quality.");
    }
}
