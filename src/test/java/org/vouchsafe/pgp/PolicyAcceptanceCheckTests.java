package org.vouchsafe.pgp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.support.UnsavedRequests;

class PolicyAcceptanceCheckTests {

    private final PolicyAcceptanceService acceptance = Mockito.mock(PolicyAcceptanceService.class);
    private final PolicyAcceptanceCheck check = new PolicyAcceptanceCheck(new Catalogue(), acceptance);

    @Test
    void shouldCheckCriterionSix() {
        assertThat(check.criterion()).isEqualTo(6);
    }

    @Test
    void shouldWaitForSignaturesWhenTheCurrentPolicyIsAcceptedBeforeFiling() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", true);

        // a payload being filed or self-assessed: nobody could have signed yet
        CheckResult result = check.checkPayload(request, null, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(result.reasons()).singleElement().asString().contains("2017-06-28").contains("signs the policy statement");
    }

    @Test
    void shouldPassOnlyWhenEveryRequesterSignedTheCurrentVersionNamingTheHashOfEachSignedText() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", true);
        request.getRequesters().add(new org.vouchsafe.intake.Requester("Ann Example", "ann@example.org", null, "key"));
        request.getRequesters().forEach(r -> r.setFingerprint("FP-" + r.getEmail()));
        Mockito.when(acceptance.acceptances(request.getId(), "2017-06-28"))
                .thenReturn(new PolicyAcceptanceService.Acceptances(Map.of(), Set.of()));

        assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.PENDING);

        Map<String, String> all = new HashMap<>();
        request.getRequesters().forEach(r -> all.put(r.getFingerprint(), "hash-of-" + r.getEmail()));
        Mockito.when(acceptance.acceptances(request.getId(), "2017-06-28"))
                .thenReturn(new PolicyAcceptanceService.Acceptances(all, Set.of()));

        CheckResult passed = check.check(request, TODAY);
        assertThat(passed.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(passed.reasons()).hasSize(request.getRequesters().size())
                .anySatisfy(r -> assertThat(r).contains("Ann Example <ann@example.org>", "policy version 2017-06-28",
                        "SHA-256 of the signed text: hash-of-ann@example.org"));
    }

    @Test
    void shouldNotCountASignatureOverTheOldParaphraseAndSaySo() {
        MembershipRequest request = UnsavedRequests.passing();
        request.setPolicy("2017-06-28", true);
        request.getRequesters().add(new org.vouchsafe.intake.Requester("Ann Example", "ann@example.org", null, "key"));
        request.getRequesters().forEach(r -> r.setFingerprint("FP-" + r.getEmail()));
        Set<String> everyone = new HashSet<>();
        request.getRequesters().forEach(r -> everyone.add(r.getFingerprint()));
        Mockito.when(acceptance.acceptances(request.getId(), "2017-06-28"))
                .thenReturn(new PolicyAcceptanceService.Acceptances(Map.of(), everyone));

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(result.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r)
                .contains("summarised the policy instead of quoting it", "GET /api/catalogue/policy/statement"));
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
