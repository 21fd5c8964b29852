package org.vouchsafe.criteria;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.criteria.Requests.TODAY;

/** Criteria not yet automated have placeholders that honestly say a person must judge them. */
class ManualChecksConfigTests {

    @Test
    void shouldKeepTheCriterionNumberItStandsFor() {
        assertThat(new ManualUntilAutomatedCheck(8, "A reviewer must judge it.").criterion()).isEqualTo(8);
    }

    @Test
    void shouldSayManualWithAReasonForEveryPlaceholder() {
        for (CriterionCheck check : placeholders()) {
            CheckResult result = check.check(Requests.passing(), TODAY);

            assertThat(result.outcome()).as("criterion %d", check.criterion()).isEqualTo(CheckOutcome.MANUAL);
            assertThat(result.reasons()).as("criterion %d", check.criterion())
                    .singleElement().asString().startsWith("A reviewer must judge");
        }
    }

    @Test
    void shouldSayManualEvenForARequestThatFailsEverything() {
        var request = Requests.passing();
        request.setUnixLike(false);
        request.setUserbase(null);
        request.getRoles().clear();

        assertThat(placeholders()).allSatisfy(check ->
                assertThat(check.check(request, TODAY).outcome()).isEqualTo(CheckOutcome.MANUAL));
    }

    private List<CriterionCheck> placeholders() {
        return List.of(new ManualUntilAutomatedCheck(8, "A reviewer must judge encrypted mail."),
                new ManualUntilAutomatedCheck(9, "A reviewer must judge the vouching."));
    }
}
