package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.criteria.Requests.TODAY;

class PolicyAcceptanceCheckTests {

    private final PolicyAcceptanceCheck check = new PolicyAcceptanceCheck(new Catalogue());

    @Test
    void shouldCheckCriterionSix() {
        assertThat(check.criterion()).isEqualTo(6);
    }

    @Test
    void shouldPassWhenTheCurrentPolicyIsAccepted() {
        MembershipRequest request = Requests.passing();
        request.setPolicy("2017-06-28", true);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().contains("2017-06-28");
    }

    @Test
    void shouldFailWhenTheCurrentPolicyIsNotAccepted() {
        MembershipRequest request = Requests.passing();
        request.setPolicy("2017-06-28", false);

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void shouldFailWhenAnOtherPolicyVersionIsAccepted() {
        MembershipRequest request = Requests.passing();
        request.setPolicy("2012-01-01", true);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("GET /api/catalogue/policy");
    }
}
