package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.support.UnsavedRequests;

class ActiveUnixLikeDistroCheckTests {

    private final ActiveUnixLikeDistroCheck check = new ActiveUnixLikeDistroCheck();

    @Test
    void shouldCheckCriterionOne() {
        assertThat(check.criterion()).isEqualTo(1);
    }

    @Test
    void shouldFailADistroThatIsNotUnixLike() {
        // given
        MembershipRequest request = UnsavedRequests.passing();
        request.setUnixLike(false);

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("not Unix-like");
    }

    @Test
    void shouldFailADistroThatIsNotOpenSource() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setOpenSource(false);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("Open Source");
    }

    @Test
    void shouldGiveBothReasonsWhenNeitherUnixLikeNorOpenSource() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setUnixLike(false);
        request.setOpenSource(false);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).hasSize(2);
    }

    @Test
    void shouldRaiseAConcernWhenTheLatestReleaseIs366DaysOld() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(366));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.CONCERN);
        assertThat(result.reasons()).singleElement().asString().contains("366 days old");
    }

    @Test
    void shouldPassWhenTheLatestReleaseIsExactly365DaysOld() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(365));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldPassAReleaseOfToday() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY);

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldRaiseAConcernWhenTheLatestReleaseIsMissing() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(null);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.CONCERN);
        assertThat(result.reasons()).singleElement().asString().contains("distro.latestRelease");
    }
}
