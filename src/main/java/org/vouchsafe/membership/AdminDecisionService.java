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

    public AdminDecisionService(Requests requests, DecisionRepository decisions, DecisionWorkflow workflow,
                           Clock clock, AuditLog audit, java.util.List<DeferralDefaults> deferralDefaults,
                           ApplicationEventPublisher events) {
        this.requests = requests;
        this.decisions = decisions;
        this.workflow = workflow;
        this.clock = clock;
        this.audit = audit;
        this.deferralDefaults = deferralDefaults;
        this.events = events;
    }

    /** A list admin decides through the REST API. */
    @Transactional
    public Decision decide(String requestId, DecisionInput given, String admin) {
        request(requestId);
        DecisionInput input = given;
        if (given != null && "DEFERRED".equals(given.outcome()) && given.effectiveDate() == null) {
            input = new DecisionInput(given.outcome(), given.reason(), deferralDefault(requestId).orElse(null));
        }
        DecisionOutcome outcome = validate(input);
        DecisionWorkflow.PendingDecision pending = workflow.pending(requestId).orElseThrow(() -> new ConflictException(
                "No decision is pending on this request; the admin decides after the review round (status AWAITING_DECISION)."));
        if (pending.kind() == DecisionWorkflow.PendingDecision.Kind.PRESCREEN) {
            if (outcome != DecisionOutcome.REJECTED) {
                throw new ConflictException("The request failed an automated check and waits for pre-screening: "
                        + "either decide REJECTED now, or send it to review from the pre-screen task in Tasklist.");
            }
            workflow.completePrescreen(pending.taskId(), true, input.reason().trim(), admin);
        } else {
            workflow.completeDecision(pending.taskId(), outcome, trim(input.reason()), input.effectiveDate(), admin);
        }
        return latest(requestId).orElseThrow();
    }

    /**
     * Records a decision; called when the admin's task completes, whichever way it was completed.
     * The request's status follows from the process model (the decision's outgoing flow).
     */
    @Transactional
    public Decision record(String requestId, DecisionOutcome outcome, String reason, LocalDate effectiveDate, String admin) {
        MembershipRequest request = request(requestId);
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
        audit.record(admin, AuditAction.DECISION_RECORDED, requestId, "Decided " + outcome + " on " + request.getDistroName(),
                details, true);
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

    private MembershipRequest request(String requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
