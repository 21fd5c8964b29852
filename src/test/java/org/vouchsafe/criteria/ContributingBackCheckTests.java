package org.vouchsafe.criteria;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RoleCommitment;
import org.vouchsafe.support.UnsavedRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;

/** C7 fails only when nothing is offered; otherwise people judge, told what is offered and what nobody holds. */
class ContributingBackCheckTests {

    private static final String TWENTY = "Triage all reports.."; // 20 characters
    private static final String NINETEEN = "Triage all reports."; // 19 characters
    private static final Catalogue CATALOGUE = new Catalogue();

    /** The roster today: member distros hold A1 and T2. */
    private final ContributingBackCheck check = new ContributingBackCheck(CriteriaProperties.defaults(), CATALOGUE,
            () -> Set.of("A1", "T2", RoleCommitment.OTHER));

    @Test
    void shouldCheckCriterionSeven() {
        assertThat(check.criterion()).isEqualTo(7);
    }

    @Test
    void shouldFailWhenNothingIsOffered() {
        CheckResult result = check.check(withRoles(), TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("Nothing is offered", "GET /api/catalogue/roles",
                "OTHER");
    }

    @Test
    void shouldLeaveARoleWithSpecificsToReviewers() {
        // given
        assertThat(TWENTY).hasSize(20);
        MembershipRequest request = withRoles(new RoleCommitment("T3", TWENTY));

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons().get(0)).contains("with specifics: T3 (" + CATALOGUE.role("T3").orElseThrow().title() + ")");
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("Reviewers judge whether the offer is real"));
    }

    @Test
    void shouldCallSpecificsUnderTheSettingBriefButNotFail() {
        assertThat(NINETEEN).hasSize(19);
        MembershipRequest request = withRoles(new RoleCommitment("T3", "   " + NINETEEN + "   "));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons().get(0)).contains("briefly (under 20 characters, our setting): T3").doesNotContain("with specifics");
    }

    @Test
    void shouldNameTheOfferedRolesNoMemberDistroHolds() {
        // given: A1 is held today, T3 and A5 are not
        MembershipRequest request = withRoles(new RoleCommitment("A1", TWENTY), new RoleCommitment("T3", TWENTY),
                new RoleCommitment("A5", TWENTY));

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.reasons()).contains("Held today by no member distro: A5, T3; the others (A1) are held already.");
    }

    @Test
    void shouldSayWhenEveryOfferedRoleIsHeldAlready() {
        MembershipRequest request = withRoles(new RoleCommitment("A1", TWENTY), new RoleCommitment("T2", TWENTY));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.reasons()).contains("Every offered catalogue role (A1, T2) is already held by a member distro today.");
    }

    @Test
    void shouldTakeAContributionOutsideTheCatalogueAsAnOffer() {
        // given: something else, as the list invites
        MembershipRequest request = withRoles(new RoleCommitment(RoleCommitment.OTHER, "Reproducible-build checks",
                "We rebuild every embargoed fix and compare the binaries."));

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons().get(0)).contains("Offers 1 contribution(s); with specifics: OTHER \"Reproducible-build checks\"");
        assertThat(result.reasons()).contains("Only contributions outside the catalogue are offered; none of the 18 roles.");
    }

    @Test
    void shouldListCatalogueAndOtherContributionsTogether() {
        MembershipRequest request = withRoles(new RoleCommitment("A5", TWENTY),
                new RoleCommitment(RoleCommitment.OTHER, "Fuzzing", "Ack."));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.reasons().get(0)).contains("Offers 2 contribution(s)", "with specifics: A5", "briefly",
                "OTHER \"Fuzzing\"");
        assertThat(result.reasons()).contains("Held today by no member distro: A5.");
    }

    private static MembershipRequest withRoles(RoleCommitment... roles) {
        MembershipRequest request = UnsavedRequests.passing();
        request.getRoles().clear();
        request.getRoles().addAll(java.util.List.of(roles));
        return request;
    }
}
