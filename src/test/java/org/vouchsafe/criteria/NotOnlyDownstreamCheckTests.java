package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.support.UnsavedRequests;

class NotOnlyDownstreamCheckTests {

    private final NotOnlyDownstreamCheck check = new NotOnlyDownstreamCheck();

    @Test
    void shouldCheckCriterionFour() {
        assertThat(check.criterion()).isEqualTo(4);
    }

    @Test
    void shouldPassADistroWithoutUpstream() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setUpstream(null);

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldFailADownstreamDistroWithoutJustification() {
        // given
        MembershipRequest request = UnsavedRequests.passing();
        request.setUpstream("Debian");
        request.setDownstreamJustification(null);

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString()
                .contains("Debian").contains("evidence.downstreamJustification");
    }

    @Test
    void shouldFailADownstreamDistroWithABlankJustification() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setUpstream("Debian");
        request.setDownstreamJustification("  ");

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void shouldLeaveAJustifiedDownstreamDistroToReviewers() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setUpstream("Debian");
        request.setDownstreamJustification("We build our own kernel and ship fixes before Debian does.");

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).singleElement().asString().contains("Debian");
    }
}
