package org.vouchsafe.criteria;

import java.util.List;
import java.util.Map;

import org.vouchsafe.problem.FieldProblem;

/**
 * What a prospective applicant learns before filing: every automated check with reasons,
 * what the filing would be refused for, and any details features add (such as the
 * track-record statistics and the date the distro becomes eligible).
 */
public record SelfAssessment(List<CheckView> checks, List<FieldProblem> problems, Map<String, Object> details) {

    /** One criterion's check. */
    public record CheckView(int number, String title, String outcome, List<String> reasons) {
    }
}
