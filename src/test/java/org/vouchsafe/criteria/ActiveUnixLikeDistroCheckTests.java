package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.support.UnsavedRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;

/** C1 is for people to judge: it fails only what the filing contradicts and otherwise gives the release age. */
class ActiveUnixLikeDistroCheckTests {

    private final ActiveUnixLikeDistroCheck check = new ActiveUnixLikeDistroCheck(CriteriaProperties.defaults());

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
    void shouldLeaveARecentlyReleasedDistroToReviewersWithTheReleaseAge() {
        // given: released a month ago, the best a filing can show
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(30));

        // when
        CheckResult result = check.check(request, TODAY);

        // then: still not a PASS, a machine cannot know the distro is maintained
        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("reviewers judge"));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r)
                .contains("(" + TODAY.minusDays(30) + ") is 30 days old, within the 365 days"));
    }

    @Test
    void shouldPointOutALatestReleaseOlderThanTheSetting() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(366));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r)
                .contains("366 days old, more than the 365 days", "our setting", "still actively maintained"));
    }

    @Test
    void shouldNotPointOutAReleaseExactlyAsOldAsTheSetting() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(365));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("365 days old, within"));
    }

    @Test
    void shouldTakeTheReleaseAgeFromTheSetting() {
        // given: a list that points out releases older than 90 days
        ActiveUnixLikeDistroCheck strict = new ActiveUnixLikeDistroCheck(new CriteriaProperties(90, 20, null, null));
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(TODAY.minusDays(100));

        // when / then
        assertThat(strict.check(request, TODAY).reasons()).anySatisfy(r -> assertThat(r)
                .contains("100 days old, more than the 90 days"));
    }

    @Test
    void shouldSayWhenTheLatestReleaseIsMissing() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setLatestRelease(null);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("distro.latestRelease"));
    }
}
