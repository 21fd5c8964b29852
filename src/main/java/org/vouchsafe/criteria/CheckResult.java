package org.vouchsafe.criteria;

import java.util.List;

/**
 * Outcome of a check and the reasons for it, each a sentence a person can act on.
 */
public record CheckResult(CheckOutcome outcome, List<String> reasons) {

    public CheckResult {
        reasons = List.copyOf(reasons);
    }

    public static CheckResult pass(String... reasons) {
        return new CheckResult(CheckOutcome.PASS, List.of(reasons));
    }

    public static CheckResult concern(String... reasons) {
        return new CheckResult(CheckOutcome.CONCERN, List.of(reasons));
    }

    public static CheckResult fail(String... reasons) {
        return new CheckResult(CheckOutcome.FAIL, List.of(reasons));
    }

    public static CheckResult manual(String... reasons) {
        return new CheckResult(CheckOutcome.MANUAL, List.of(reasons));
    }

    public static CheckResult pending(String... reasons) {
        return new CheckResult(CheckOutcome.PENDING, List.of(reasons));
    }
}
