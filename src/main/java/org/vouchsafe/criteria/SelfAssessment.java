package org.vouchsafe.criteria;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vouchsafe.problem.FieldProblem;

/**
 * What a prospective applicant learns before filing: every automated check with reasons in the
 * shape {@code GET /api/requests/{id}} uses ({@code criteria[].check.outcome|reasons}), what the
 * filing would be refused for, signals about the request as a whole, and any details features add
 * (such as the track-record statistics and the date the distro becomes eligible).
 *
 * @param checks the same results in the shape of earlier releases; deprecated, kept for one release
 */
public record SelfAssessment(
        List<AssessedCriterion> criteria,
        @Schema(deprecated = true, description = "Deprecated: the same results as `criteria`, flat "
                + "(`number, title, outcome, reasons`). Kept for one release; read `criteria[].check` instead.")
        List<FlatCheck> checks,
        List<FieldProblem> problems,
        List<Signal> signals,
        Map<String, Object> details) {

    /** One criterion as in a request ({@code GET /api/requests/{id}}): its number, title and check. */
    public record AssessedCriterion(int number, String title, AssessedCheck check) {
    }

    /** A check's outcome with reasons a person can act on. */
    public record AssessedCheck(String outcome, List<String> reasons) {
    }

    /** One criterion's check, flat: the shape of earlier releases. */
    @Schema(deprecated = true, description = "Deprecated: use `criteria[]` with `check: {outcome, reasons}`.")
    public record FlatCheck(int number, String title, String outcome, List<String> reasons) {
    }

    /** An assessment from the criteria's results; the deprecated flat {@code checks} repeat them. */
    public static SelfAssessment of(List<AssessedCriterion> criteria, List<FieldProblem> problems, List<Signal> signals,
                                    Map<String, Object> details) {
        List<FlatCheck> flat = criteria.stream()
                .map(c -> new FlatCheck(c.number(), c.title(), c.check().outcome(), c.check().reasons()))
                .toList();
        return new SelfAssessment(List.copyOf(criteria), flat, List.copyOf(problems), List.copyOf(signals), details);
    }
}
