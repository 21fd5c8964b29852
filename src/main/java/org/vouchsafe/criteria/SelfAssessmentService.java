package org.vouchsafe.criteria;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.FilingValidator;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.problem.FieldProblem;

/**
 * Runs every automated check on a filing payload without storing anything, so a prospective
 * applicant can see whether and when to apply. An incomplete payload is still assessed; what
 * filing would refuse is listed as problems.
 */
@Service
public class SelfAssessmentService {

    private final CriteriaService criteria;
    private final FilingValidator validator;
    private final Catalogue catalogue;
    private final List<SelfAssessmentContributor> contributors;
    private final OneDistroSignal oneDistro;
    private final Clock clock;

    public SelfAssessmentService(CriteriaService criteria, FilingValidator validator, Catalogue catalogue,
                                 List<SelfAssessmentContributor> contributors, OneDistroSignal oneDistro, Clock clock) {
        this.criteria = criteria;
        this.validator = validator;
        this.catalogue = catalogue;
        this.contributors = contributors;
        this.oneDistro = oneDistro;
        this.clock = clock;
    }

    public SelfAssessment assess(FilingRequest filing) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(filing, LocalDate.now(clock)));
        MembershipRequest request = FilingService.toRequest(filing, "self-assessment", clock.instant());
        List<SelfAssessment.AssessedCriterion> results = new ArrayList<>();
        criteria.assess(request, filing).forEach((n, result) -> results.add(new SelfAssessment.AssessedCriterion(n,
                catalogue.criterion(n).title(), new SelfAssessment.AssessedCheck(result.outcome().name(), result.reasons()))));
        Map<String, Object> details = new LinkedHashMap<>();
        contributors.forEach(c -> c.contribute(filing, details));
        return SelfAssessment.of(results, problems, oneDistro.of(request).stream().toList(), details);
    }
}
