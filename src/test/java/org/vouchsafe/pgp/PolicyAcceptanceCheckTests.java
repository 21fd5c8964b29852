package org.vouchsafe.pgp;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.support.UnsavedRequests;

class PolicyAcceptanceCheckTests {

    private final Requests requests = Mockito.mock(Requests.class);
    private final PolicyAcceptanceService acceptance = Mockito.mock(PolicyAcceptanceService.class);
    private final PolicyAcceptanceCheck check = new PolicyAcceptanceCheck(new Catalogue(), requests, acceptance);

    @Test
    void shouldCheckCriterionSix() {
        assertThat(check.criterion()).isEqualTo(6);
    }

    @Test
    void shouldWaitForSignaturesWhenTheCurrentPolicyIsAcceptedBeforeFiling() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", true);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(result.reasons()).singleElement().asString().contains("2017-06-28").contains("signs the policy statement");
    }

    @Test
    void shouldPassOnlyWhenEveryRequesterSignedTheCurrentVersion() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", true);
        request.getRequesters().add(new org.vouchsafe.intake.Requester("Ann Example", "ann@example.org", null, "key"));
        request.getRequesters().forEach(r -> r.setFingerprint("FP-" + r.getEmail()));
        Mockito.when(requests.exists(request.getId())).thenReturn(true);
        Mockito.when(acceptance.signedFingerprints(request.getId(), "2017-06-28")).thenReturn(Set.of());

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.PENDING);

        Set<String> all = new java.util.HashSet<>();
        request.getRequesters().forEach(r -> all.add(r.getFingerprint()));
        Mockito.when(acceptance.signedFingerprints(request.getId(), "2017-06-28")).thenReturn(all);

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldFailWhenTheCurrentPolicyIsNotAccepted() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", false);

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void shouldFailWhenAnOtherPolicyVersionIsAccepted() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2012-01-01", true);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("GET /api/catalogue/policy");
    }
}
