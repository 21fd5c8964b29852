package org.vouchsafe.criteria;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.support.UnsavedRequests.TODAY;
import org.vouchsafe.support.UnsavedRequests;

class UserbaseCheckTests {

    private final UserbaseCheck check = new UserbaseCheck();

    @Test
    void shouldCheckCriterionTwo() {
        assertThat(check.criterion()).isEqualTo(2);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void shouldFailWithoutUserbaseEvidence(String userbase) {
        MembershipRequest request = UnsavedRequests.passing();
        request.setUserbase(userbase);

        CheckResult result = check.check(request, TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("evidence.userbase");
    }

    @Test
    void shouldLeaveGivenEvidenceToReviewers() {
        CheckResult result = check.check(UnsavedRequests.passing(), TODAY);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.MANUAL);
        assertThat(result.reasons()).singleElement().asString().contains("reviewers judge");
    }
}
