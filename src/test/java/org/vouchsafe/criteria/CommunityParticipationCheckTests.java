package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.support.UnsavedRequests;

class CommunityParticipationCheckTests {

    private final CommunityParticipationCheck check = new CommunityParticipationCheck();

    @Test
    void shouldCheckCriterionFive() {
        assertThat(check.criterion()).isEqualTo(5);
    }

    @Test
    void shouldPassWithAnHttpsLink() {
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();
        request.getCommunityLinks().add("http://example.org/old");
        request.getCommunityLinks().add("https://www.openwall.com/lists/oss-security/2026/01/02/3");

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().startsWith("1 https link");
    }

    @Test
    void shouldRaiseAConcernWithOnlyHttpLinks() {
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();
        request.getCommunityLinks().add("http://www.openwall.com/lists/oss-security/2026/01/02/3");

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.CONCERN);
        assertThat(result.reasons()).singleElement().asString().contains("evidence.communityLinks");
    }

    @Test
    void shouldRaiseAConcernWithoutLinks() {
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.CONCERN);
    }
}
