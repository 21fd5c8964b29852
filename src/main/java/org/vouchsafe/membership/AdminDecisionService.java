package org.vouchsafe.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * The list admin's decisions: validated here, taken through the admin's task in the process
 * (Tasklist or REST), and recorded when that task completes.
 */
@Service
public class AdminDecisionService {

    private final Requests requests;
    private final DecisionRepository decisions;
    private final DecisionWorkflow workflow;
    private final Clock clock;
    private final AuditLog audit;
    private final java.util.List<DeferralDefaults> deferralDefaults;
    private final ApplicationEventPublisher events;
    private final Admissions admissions;
    private final AdmissionExceptionRepository exceptions;

    AdminDecisionService(Requests requests, DecisionRepository decisions, DecisionWorkflow workflow,
                         Clock clock, AuditLog audit, java.util.List<DeferralDefaults> deferralDefaults,
                         ApplicationEventPublisher events, Admissions admissions, AdmissionExceptionRepository exceptions) {
        this.requests = requests;
        this.decisions = decisions;
        this.workflow = workflow;
        this.clock = clock;
        this.audit = audit;
        this.deferralDefaults = deferralDefaults;
        this.events = events;
        this.admissions = admissions;
        this.exceptions = exceptions;
    }

    /**
     * A list admin decides through the REST API. An approval may carry exceptions: each is stored
     * with the request before the admin's task completes, and the decision recorded on completion
     * takes them (in the same transaction, so a refused decision leaves none behind).
     *
     * @throws AdmissionRefusedException (409) when an approval would subscribe nobody
     */
    @Transactional
    public Decision decide(String requestId, DecisionInput given, String admin) {
        MembershipRequest request = request(requestId);
        DecisionInput input = given;
        if (given != null && "DEFERRED".equals(given.outcome()) && given.effectiveDate() == null) {
            input = new DecisionInput(given.outcome(), given.reason(), deferralDefault(requestId).orElse(null),
                    given.exceptions());
        }
        DecisionOutcome outcome = validate(input);
        List<AdmissionException> waived = exceptions(request, outcome, input.exceptionsGiven(), admin);
        DecisionWorkflow.PendingDecision pending = workflow.pending(requestId).orElseThrow(() -> new ConflictException(
                "No decision is pending on this request; the admin decides after the review round (status AWAITING_DECISION)."));
        if (pending.kind() == DecisionWorkflow.PendingDecision.Kind.PRESCREEN) {
            if (outcome != DecisionOutcome.REJECTED) {
                throw new ConflictException("The request failed an automated check and waits for pre-screening: "
                        + "either decide REJECTED now, or send it to review from the pre-screen task in Tasklist.");
            }
            workflow.completePrescreen(pending.taskId(), true, input.reason().trim(), admin);
        } else {
            // Whether the approval subscribes anyone is judged once, when the task completes (record), for
            // the API as for Tasklist; the refusal comes back through the engine by type, and rolls these back.
            exceptions.saveAll(waived);
            workflow.completeDecision(pending.taskId(), outcome, trim(input.reason()), input.effectiveDate(), admin);
        }
        return latest(requestId).orElseThrow();
    }

    /**
     * Records a decision; called when the admin's task completes, whichever way it was completed.
     * The request's status follows from the process model (the decision's outgoing flow). An approval
     * takes the exceptions stored for it a moment before (REST) and is refused if it would subscribe
     * nobody.
     *
     * @throws AdmissionRefusedException (409) when an approval would subscribe nobody
     */
    @Transactional
    public Decision record(String requestId, DecisionOutcome outcome, String reason, LocalDate effectiveDate, String admin) {
        MembershipRequest request = request(requestId);
        List<AdmissionException> waived = exceptions.findByRequestIdAndDecisionIdIsNull(requestId);
        if (outcome == DecisionOutcome.APPROVED) {
            // The one place the rule is applied: the API and Tasklist both complete the task.
            requireSomeoneAdmitted(requestId, waived);
        } else if (!waived.isEmpty()) {
            exceptions.deleteAll(waived);
            waived = List.of();
        }
        LocalDate effective = effectiveDate != null ? effectiveDate
                : outcome == DecisionOutcome.APPROVED ? LocalDate.now(clock) : null;
        Decision decision = decisions.save(new Decision(requestId, outcome, trim(reason), effective, admin, clock.instant()));
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (decision.getReason() != null) {
            details.put("reason", decision.getReason().length() > 2000 ? decision.getReason().substring(0, 2000) : decision.getReason());
        }
        if (effective != null) {
            details.put("effectiveDate", effective.toString());
        }
        if (!waived.isEmpty()) {
            details.put("exceptions", String.valueOf(waived.size()));
        }
        audit.record(admin, AuditAction.DECISION_RECORDED, requestId, "Decided " + outcome + " on " + request.getDistroName(),
                details, true);
        for (AdmissionException e : waived) {
            e.takenBy(decision.getId());
            audit.record(admin, AuditAction.ADMISSION_EXCEPTION, requestId, "Exception for " + e.getEmail()
                            + ": subscribed without criterion " + e.getCriterion() + " proved",
                    java.util.Map.of("email", e.getEmail(), "criterion", String.valueOf(e.getCriterion()),
                            "reason", e.getReason(), "decisionId", decision.getId()), true);
        }
        events.publishEvent(new RequestDecided(requestId, outcome, effective, admin, decision.getDecidedAt()));
        return decision;
    }

    /** The admin sent a request with a failed check to review anyway: an override worth auditing. */
    @Transactional
    public void recordPrescreenOverride(String requestId, String reason, String admin) {
        MembershipRequest request = request(requestId);
        audit.record(admin, AuditAction.PRESCREEN_OVERRIDDEN, requestId, "Sent " + request.getDistroName()
                + " to review despite a failed check", reason == null ? java.util.Map.of() : java.util.Map.of("reason", reason), false);
    }

    /** The date a deferral defaults to, if a feature knows one (e.g. the track record's eligibility date). */
    @Transactional(readOnly = true)
    public Optional<LocalDate> deferralDefault(String requestId) {
        return deferralDefaults.stream().map(d -> d.deferUntil(requestId)).flatMap(Optional::stream)
                .filter(date -> date.isAfter(LocalDate.now(clock))).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Decision> latest(String requestId) {
        return decisions.findFirstByRequestIdOrderByDecidedAtDesc(requestId);
    }

    @Transactional(readOnly = true)
    public List<Decision> history(String requestId) {
        return decisions.findByRequestIdOrderByDecidedAt(requestId);
    }

    /** Rules for a decision, shared by the REST API and the Tasklist form. */
    public DecisionOutcome validate(DecisionInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        DecisionOutcome outcome = null;
        if (input == null || input.outcome() == null) {
            throw new InvalidInputException("outcome", "is required: APPROVED, REJECTED or DEFERRED.");
        }
        try {
            outcome = DecisionOutcome.valueOf(input.outcome().trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("outcome", "must be APPROVED, REJECTED or DEFERRED."));
        }
        LocalDate today = LocalDate.now(clock);
        if (outcome == DecisionOutcome.REJECTED && (input.reason() == null || input.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "is required when rejecting: the applicant must learn why."));
        }
        if (outcome == DecisionOutcome.DEFERRED) {
            if (input.effectiveDate() == null) {
                problems.add(new FieldProblem("effectiveDate", "is required when deferring: the date to come back to the request."));
            } else if (!input.effectiveDate().isAfter(today)) {
                problems.add(new FieldProblem("effectiveDate", "must be after today (" + today + ") when deferring."));
            }
        }
        if (outcome == DecisionOutcome.APPROVED && input.effectiveDate() != null && input.effectiveDate().isBefore(today)) {
            problems.add(new FieldProblem("effectiveDate", "must not be in the past; leave it out to subscribe today."));
        }
        if (input.reason() != null && input.reason().length() > 8000) {
            problems.add(new FieldProblem("reason", "is longer than 8000 characters; shorten it."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return outcome;
    }

    /** The exceptions a decision took, by person and criterion. */
    @Transactional(readOnly = true)
    public List<AdmissionException> exceptionsOf(Decision decision) {
        return exceptions.findByDecisionIdOrderByEmailAscCriterionAsc(decision.getId());
    }

    /**
     * Who the approval of this request would subscribe now, and who not and why (the admin's table).
     * Exceptions exist only with a decision (they are recorded in its transaction), so none applies yet.
     */
    @Transactional(readOnly = true)
    public List<Admissions.Person> admissionTable(String requestId) {
        return admissions.assess(requestId, List.of());
    }

    private void requireSomeoneAdmitted(String requestId, List<AdmissionException> waived) {
        List<Admissions.Person> people = admissions.assess(requestId, waived);
        if (people.stream().noneMatch(Admissions.Person::admitted)) {
            throw new AdmissionRefusedException(people);
        }
    }

    /**
     * The exceptions of an approval, checked: only with an approval, each for a requester of this
     * request, for criterion 6, 8 or 9 that person has not proved, with a reason; at most one per
     * person and criterion.
     */
    private List<AdmissionException> exceptions(MembershipRequest request, DecisionOutcome outcome,
                                                List<DecisionInput.ExceptionInput> given, String admin) {
        if (given.isEmpty()) {
            return List.of();
        }
        if (outcome != DecisionOutcome.APPROVED) {
            throw new InvalidInputException("exceptions", "apply only to an approval (outcome APPROVED); leave them out.");
        }
        List<Admissions.Person> people = admissions.assess(request.getId(), List.of());
        List<FieldProblem> problems = new ArrayList<>();
        List<AdmissionException> waived = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            DecisionInput.ExceptionInput e = given.get(i);
            String at = "exceptions[" + i + "]";
            if (e == null) {
                problems.add(new FieldProblem(at, "is empty; give email, criterion and reason."));
                continue;
            }
            String email = Admissions.normalise(e.email());
            java.util.Optional<Admissions.Person> person = people.stream()
                    .filter(p -> Admissions.normalise(p.email()).equals(email)).findFirst();
            if (email.isEmpty()) {
                problems.add(new FieldProblem(at + ".email", "is required: the address of the requester the exception is for."));
            } else if (person.isEmpty()) {
                problems.add(new FieldProblem(at + ".email", "is not a requester of this request; name one of "
                        + String.join(", ", people.stream().map(Admissions.Person::email).toList()) + "."));
            }
            Integer criterion = e.criterion();
            if (criterion == null || !Admissions.PERSONAL_CRITERIA.contains(criterion)) {
                problems.add(new FieldProblem(at + ".criterion", "must be 6, 8 or 9: the criteria each person proves "
                        + "themselves (policy signed, challenge answered, vouched for)."));
            } else if (person.isPresent() && !person.get().missing().contains(criterion)) {
                problems.add(new FieldProblem(at + ".criterion", email + " has proved criterion " + criterion
                        + " already; no exception is needed."));
            } else if (!seen.add(email + "/" + criterion)) {
                problems.add(new FieldProblem(at, "repeats the exception for " + email + " and criterion " + criterion
                        + "; give it once."));
            }
            if (e.reason() == null || e.reason().isBlank()) {
                problems.add(new FieldProblem(at + ".reason", "is required: why " + (email.isEmpty() ? "this person" : email)
                        + " may be subscribed without proving the criterion (it is shown with the decision and audited)."));
            } else if (e.reason().length() > 2000) {
                problems.add(new FieldProblem(at + ".reason", "is longer than 2000 characters; shorten it."));
            }
            if (problems.isEmpty()) {
                waived.add(new AdmissionException(request.getId(), email, criterion, e.reason().trim(), admin, clock.instant()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return waived;
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
