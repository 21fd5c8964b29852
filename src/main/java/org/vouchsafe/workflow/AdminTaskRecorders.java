package org.vouchsafe.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
 * record the decision, so both ways of deciding leave the same trace.
 */
@Configuration
class AdminTaskRecorders {

    /** Pre-screen: reject now (with a reason) or send to review anyway. */
    @Bean("prescreenRecorder")
    TaskListener prescreenRecorder(AdminDecisionService decisions, IdentityService identity) {
        return task -> {
            String choice = String.valueOf(task.getVariable(PRESCREEN_CHOICE));
            String reason = (String) task.getVariable(PRESCREEN_REASON);
            if (MembershipProcess.Routes.REJECT.equals(choice)) {
                decisions.validate(new DecisionInput(DecisionOutcome.REJECTED.name(), reason, null));
                decisions.record(requestId(task), DecisionOutcome.REJECTED, reason, null, actor(task, identity));
            } else if (MembershipProcess.Routes.REVIEW.equals(choice)) {
                decisions.recordPrescreenOverride(requestId(task), reason, actor(task, identity));
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
            decisions.record(requestId(task), decided, reason, deferUntil, actor(task, identity));
            if (decided == DecisionOutcome.DEFERRED) {
                task.getExecution().getProcessInstance().setVariable(DEFER_TIMER,
                        deferUntil.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            }
        };
    }

    private static String requestId(DelegateTask task) {
        return (String) task.getVariable(REQUEST_ID);
    }

    /** The REST API names the admin; Tasklist signs the admin in to the engine. */
    private static String actor(DelegateTask task, IdentityService identity) {
        Object decidedBy = task.getVariable(DECIDED_BY);
        if (decidedBy != null) {
            return decidedBy.toString();
        }
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
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
