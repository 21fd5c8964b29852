package org.vouchsafe.criteria;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.problem.NotFoundException;

/** Runs the check of a criterion on a request and stores its result beside the answer. */
@Service
public class CriteriaService {

    private final Map<Integer, CriterionCheck> checks;
    private final Requests requests;
    private final RequestCriterionRepository criteria;
    private final Clock clock;

    public CriteriaService(List<CriterionCheck> checks, Requests requests,
                           RequestCriterionRepository criteria, Clock clock) {
        this.checks = checks.stream().collect(Collectors.toMap(CriterionCheck::criterion, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two checks for criterion " + a.criterion());
                }, TreeMap::new));
        if (!this.checks.keySet().equals(java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9))) {
            throw new IllegalStateException("Every criterion 1–9 needs exactly one check; have " + this.checks.keySet());
        }
        this.requests = requests;
        this.criteria = criteria;
        this.clock = clock;
    }

    /** Checks one criterion of a stored request and records the result. */
    @Transactional
    public CheckResult run(String requestId, int criterion) {
        MembershipRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        RequestCriterion row = criteria.findById(new RequestCriterion.Key(requestId, criterion))
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no answer to criterion " + criterion + "."));
        CheckResult result = checks.get(criterion).check(request, LocalDate.now(clock));
        row.record(result, clock.instant());
        return result;
    }

    /** Every check on a filing payload that is not stored (self-assessment). */
    public Map<Integer, CheckResult> assess(MembershipRequest request, FilingRequest filing) {
        LocalDate today = LocalDate.now(clock);
        Map<Integer, CheckResult> results = new TreeMap<>();
        checks.forEach((n, check) -> results.put(n, check.checkPayload(request, filing, today)));
        return results;
    }

    @Transactional(readOnly = true)
    public List<RequestCriterion> results(String requestId) {
        return criteria.findByRequestIdOrderByNumber(requestId);
    }
}
