package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RoleCommitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.support.UnsavedRequests;

class ContributingBackCheckTests {

    private static final String TWENTY = "Triage all reports.."; // 20 characters
    private static final String NINETEEN = "Triage all reports."; // 19 characters

    private final ContributingBackCheck check = new ContributingBackCheck();

    @Test
    void shouldCheckCriterionSeven() {
        assertThat(check.criterion()).isEqualTo(7);
    }

    @Test
    void shouldPassARoleWithTwentyCharactersOfSpecifics() {
        // given
        assertThat(TWENTY).hasSize(20);
        MembershipRequest request = withRoles(new RoleCommitment("T2", TWENTY));

        // when
        CheckResult result = check.check(request, TODAY);

        // then
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().contains("T2");
    }

    @Test
    void shouldFailARoleWithNineteenCharactersOfSpecifics() {
        assertThat(NINETEEN).hasSize(19);
        MembershipRequest request = withRoles(new RoleCommitment("T2", NINETEEN));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("GET /api/catalogue/roles");
    }

    @Test
    void shouldNotCountSurroundingSpacesAsSpecifics() {
        MembershipRequest request = withRoles(new RoleCommitment("T2", "   " + NINETEEN + "   "));

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void shouldFailWithoutRoles() {
        assertThat(check.check(withRoles(), TODAY).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void shouldNameOnlyTheRolesWithSpecifics() {
        MembershipRequest request = withRoles(new RoleCommitment("A1", "Ack."), new RoleCommitment("T1", TWENTY));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().contains("T1").doesNotContain("A1");
    }

    private static MembershipRequest withRoles(RoleCommitment... roles) {
        MembershipRequest request = UnsavedRequests.passing();
        request.getRoles().clear();
        request.getRoles().addAll(java.util.List.of(roles));
        return request;
    }
}
