package org.vouchsafe.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vouchsafe.membership.DecisionInput;
import org.vouchsafe.membership.DecisionOutcome;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.problem.InvalidInputException;

import static org.vouchsafe.workflow.MembershipProcess.Variables.*;

/**
 * Listeners on the list admin's two tasks. They validate what the admin chose with the same
 * rules as the REST API (an invalid Tasklist submission is refused with the reason) and
 * record the decision, so both ways of deciding leave the same trace. The request comes from the
 * business key and the admin from the engine's sign-in or our API's caller ({@link Actors}),
 * never from a variable.
 */
@Configuration
class AdminTaskRecorders {

    /** Pre-screen: reject now (with a reason) or send to review anyway. */
    @Bean("prescreenRecorder")
    TaskListener prescreenRecorder(AdminDecisionService decisions, IdentityService identity) {
        return task -> {
            String choice = String.valueOf(task.getVariable(PRESCREEN_CHOICE)).trim();
            String reason = (String) task.getVariable(PRESCREEN_REASON);
            // The gateways after the task compare the exact value.
            task.setVariable(PRESCREEN_CHOICE, choice);
            if (MembershipProcess.Routes.REJECT.equals(choice)) {
                decisions.validate(new DecisionInput(DecisionOutcome.REJECTED.name(), reason, null));
                decisions.record(requestId(task), DecisionOutcome.REJECTED, reason, null, Actors.of(task, identity, UNKNOWN));
            } else if (MembershipProcess.Routes.REVIEW.equals(choice)) {
                decisions.recordPrescreenOverride(requestId(task), reason, Actors.of(task, identity, UNKNOWN));
            } else {
                throw new InvalidInputException(PRESCREEN_CHOICE, "choose REJECT or REVIEW.");
            }
        };
    }

    /** The decision after review: approve, reject with a reason, or defer until a date. */
    @Bean("decisionRecorder")
    TaskListener decisionRecorder(AdminDecisionService decisions, IdentityService identity) {
        return task -> {
            String outcome = (String) task.getVariable(DECISION_OUTCOME);
            String reason = (String) task.getVariable(DECISION_REASON);
            // The form pre-fills the deferral date; it only means something when deferring.
            LocalDate deferUntil = DecisionOutcome.DEFERRED.name().equals(outcome) ? date(task.getVariable(DEFER_UNTIL)) : null;
            DecisionOutcome decided = decisions.validate(new DecisionInput(outcome, reason, deferUntil));
            decisions.record(requestId(task), decided, reason, deferUntil, Actors.of(task, identity, UNKNOWN));
            // The gateways after the task compare the exact name; the form may have sent it with blanks.
            task.setVariable(DECISION_OUTCOME, decided.name());
            if (decided == DecisionOutcome.DEFERRED) {
                task.getExecution().getProcessInstance().setVariable(DEFER_TIMER,
                        deferUntil.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            }
        };
    }

    private static final String UNKNOWN = "unknown";

    /** The request is the process's business key, never a variable a form submission could change. */
    private static String requestId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    /** Tasklist's date picker sends "2026-12-01" (sometimes with a time); the API sends an ISO date. */
    static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(DEFER_UNTIL, "must be a date in the form YYYY-MM-DD.");
        }
    }
}
