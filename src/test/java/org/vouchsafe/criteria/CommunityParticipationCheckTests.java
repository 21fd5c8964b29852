package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.support.UnsavedRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;

/** C5 is for people to judge; the check tells them which links are oss-security postings. */
class CommunityParticipationCheckTests {

    private final CommunityParticipationCheck check = new CommunityParticipationCheck(CriteriaProperties.defaults());

    @Test
    void shouldCheckCriterionFive() {
        assertThat(check.criterion()).isEqualTo(5);
    }

    @Test
    void shouldNameTheOssSecurityPostingsAmongTheLinks() {
        // given
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();
        request.getCommunityLinks().add("https://lists.example.org/security/2026-01");
        request.getCommunityLinks().add("https://www.openwall.com/lists/oss-security/2026/01/02/3");

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons().get(0)).startsWith("2 community link(s) given, 1 of them oss-security posting(s): "
                + "https://www.openwall.com/lists/oss-security/2026/01/02/3");
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("Reviewers judge"));
    }

    @Test
    void shouldSayWhenNoLinkIsAnOssSecurityPosting() {
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();
        request.getCommunityLinks().add("https://forum.example.org/t/security");

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons().get(0)).contains("none of them an oss-security posting",
                "names oss-security as the community to watch");
    }

    @Test
    void shouldLeaveARequestWithoutLinksToReviewersAndAskForOssSecurityLinks() {
        MembershipRequest request = UnsavedRequests.passing();
        request.getCommunityLinks().clear();

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).singleElement().asString().contains("No community links", "evidence.communityLinks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.openwall.com/lists/oss-security/2026/01/02/3",
            "http://openwall.com/lists/oss-security/2025/12/24/1", "https://seclists.org/oss-sec/2026/q1/7",
            "https://marc.info/?l=oss-security&m=1", "HTTPS://WWW.OPENWALL.COM/lists/oss-security/2026/01/02/3"})
    void shouldRecogniseOssSecurityArchives(String link) {
        assertThat(check.isOssSecurityPosting(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.openwall.com/lists/john-users/2026/01/02/3",
            "https://example.org/?q=www.openwall.com/lists/oss-security/", "https://seclists.org/fulldisclosure/2026/Jan/1"})
    void shouldNotTakeOtherLinksForOssSecurityPostings(String link) {
        assertThat(check.isOssSecurityPosting(link)).isFalse();
    }
}
