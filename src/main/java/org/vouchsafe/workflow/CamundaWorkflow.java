package org.vouchsafe.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestWorkflow;
import org.vouchsafe.membership.DecisionOutcome;
import org.vouchsafe.membership.DecisionWorkflow;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.review.Tally;
import org.vouchsafe.review.VoteInput;
import org.vouchsafe.problem.DomainException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.review.ReviewWorkflow;
import org.vouchsafe.system.Roles;

import static org.vouchsafe.workflow.MembershipProcess.Activities;
import static org.vouchsafe.workflow.MembershipProcess.Messages;
import static org.vouchsafe.workflow.MembershipProcess.PROCESS_KEY;
import static org.vouchsafe.workflow.MembershipProcess.Routes;
import static org.vouchsafe.workflow.MembershipProcess.Variables;

/**
 * Implements the features' workflow ports with Camunda's Java API. The request id is the
 * process instance's business key, so every lookup goes by it.
 */
@Component
class CamundaWorkflow implements RequestWorkflow, ReviewWorkflow, DecisionWorkflow {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CamundaWorkflow.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    CamundaWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Override
    public String start(String requestId, String distroName) {
        return engine(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, requestId,
                Map.of(Variables.REQUEST_ID, requestId, Variables.DISTRO, distroName)).getId());
    }

    /** Only ids are read; whether an instance still runs only the engine knows (Cockpit links). */
    @Override
    public Map<String, String> runningProcesses() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).active().list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(java.util.stream.Collectors.toMap(ProcessInstance::getBusinessKey, ProcessInstance::getId, (a, b) -> a));
    }

    @Override
    public Optional<String> runningProcess(String requestId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(requestId)
                .list().stream().findFirst().map(ProcessInstance::getId);
    }

    /**
     * Correlates {@code RequestWithdrawn} by business key: the interrupting event subprocess of the
     * membership process cancels whatever runs (vote and decision tasks, the called vouching and
     * challenge-response instances with their tasks and timers) and enters {@code WITHDRAWN}.
     */
    @Override
    public boolean withdraw(String requestId) {
        try {
            engine(() -> {
                runtime.createMessageCorrelation(Messages.REQUEST_WITHDRAWN).processInstanceBusinessKey(requestId)
                        .correlate();
                return null;
            });
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    @Override
    public Optional<String> openVoteTask(String requestId, String reviewer) {
        return tasks.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(Activities.VOTE)
                .taskAssignee(reviewer).list().stream().findFirst().map(Task::getId);
    }

    /**
     * The vote form's fields, transient: the vote recorder reads them in this transaction and the
     * vote itself is stored in JPA, so writing them to the variable tables and their history would
     * only cost statements. The tally comes back with the process instance's variables, where the
     * recorder has just put the counts it made.
     */
    @Override
    public Tally completeVoteTask(String taskId, String reviewer, VoteInput vote) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(Variables.VOTE, transientText(vote.vote()));
        fields.put(Variables.VOTE_COMMENT, transientText(vote.comment()));
        if (vote.criteria() != null) {
            vote.criteria().forEach((criterion, note) -> {
                // The form has one note field per criterion; any other key has no field to go to.
                if (criterion == null || !criterion.matches("[1-9]")) {
                    throw new InvalidInputException("criteria." + criterion, "is not a criterion; use the keys \"1\" to \"9\".");
                }
                fields.put(Variables.note(Integer.parseInt(criterion)), transientText(note));
            });
        }
        VariableMap after = complete(taskId, fields, reviewer);
        return new Tally(number(after.get(Variables.ROUND)), number(after.get(Variables.APPROVE_COUNT)),
                number(after.get(Variables.OBJECT_COUNT)), number(after.get(Variables.NEEDS_INFO_COUNT)));
    }

    private static TypedValue transientText(String value) {
        return org.camunda.bpm.engine.variable.Variables.stringValue(value, true);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public void raiseObjection(String requestId) {
        correlate(Messages.OBJECTION_RAISED, requestId, "The request is not in its objection window.");
    }

    @Override
    public void applicantReplied(String requestId) {
        correlate(Messages.APPLICANT_REPLIED, requestId, "The request is not waiting for your reply.");
    }

    @Override
    public List<String> reviewers() {
        return identity.createUserQuery().memberOfGroup(Roles.REVIEWERS).list().stream().map(User::getId).toList();
    }

    @Override
    public Optional<PendingDecision> pending(String requestId) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(requestId).list()) {
            if (Activities.PRESCREEN_DECISION.equals(task.getTaskDefinitionKey())) {
                return Optional.of(new PendingDecision(task.getId(), PendingDecision.Kind.PRESCREEN));
            }
            if (Activities.ADMIN_DECISION.equals(task.getTaskDefinitionKey())) {
                return Optional.of(new PendingDecision(task.getId(), PendingDecision.Kind.DECISION));
            }
        }
        return Optional.empty();
    }

    @Override
    public void completePrescreen(String taskId, boolean reject, String reason, String admin) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.PRESCREEN_CHOICE, reject ? Routes.REJECT : Routes.REVIEW);
        variables.put(Variables.PRESCREEN_REASON, reason);
        complete(taskId, variables, admin);
    }

    @Override
    public void completeDecision(String taskId, DecisionOutcome outcome, String reason, LocalDate effectiveDate, String admin) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.DECISION_OUTCOME, outcome.name());
        variables.put(Variables.DECISION_REASON, reason);
        variables.put(Variables.DEFER_UNTIL, effectiveDate == null ? null : effectiveDate.toString());
        complete(taskId, variables, admin);
    }

    /**
     * Completes a task found a moment ago on behalf of {@code actor}, with the fields of its form
     * only (the engine's {@link TaskSubmissionGuard} refuses anything else, from us as from
     * Tasklist), and returns the process instance's variables afterwards. If a concurrent
     * transaction completed the task (or ended its process instance) in between, the engine no
     * longer finds the task or the instance's executions and says so with a
     * {@link NullValueException}; that is the same race as an optimistic-locking failure and is
     * reported the same way.
     */
    private VariableMap complete(String taskId, Map<String, Object> fields, String actor) {
        try {
            // The engine would log the lost race at ERROR before we answer it with a 409 (HandledRaceLog).
            return HandledRaceLog.expectingRace(
                    () -> engine(() -> Actors.as(actor, () -> tasks.completeWithVariablesInReturn(taskId, fields, false))));
        } catch (NullValueException e) {
            log.debug("Task {} was completed by a concurrent transaction: {}", taskId, e.getMessage());
            throw new ConcurrentUpdateException("The task was completed by a concurrent transaction", e);
        } catch (NullPointerException e) {
            // The engine can trip over the half-gone state of a task another transaction has just completed
            // (seen as "activityInstanceId is null"); if the task is gone, it was that race, nothing else.
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                log.debug("Task {} was removed by a concurrent transaction: {}", taskId, e.getMessage());
                throw new ConcurrentUpdateException("The task was completed by a concurrent transaction", e);
            }
            throw e;
        }
    }

    private void correlate(String message, String requestId, String whenNotWaiting) {
        try {
            engine(() -> {
                runtime.createMessageCorrelation(message).processInstanceBusinessKey(requestId).correlate();
                return null;
            });
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(whenNotWaiting);
        }
    }

    /**
     * Runs an engine call and gives back the feature's own exception when a listener or
     * delegate refused (the engine may wrap it), or a {@link ConcurrentUpdateException} when
     * another transaction changed the same process, or stored the same row, at the same moment.
     */
    static <T> T engine(Supplier<T> call) {
        try {
            return call.get();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentUpdateException("Concurrent change of the same process instance", e);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException refused) {
                    throw refused;
                }
                if (cause instanceof OptimisticLockingException o) {
                    throw new ConcurrentUpdateException("Concurrent change of the same process instance", o);
                }
                if (cause instanceof DataIntegrityViolationException d) {
                    // A listener's insert hit a unique key that a concurrent transaction just took
                    // (e.g. the same reviewer's vote twice at once); a retry sees the stored row.
                    throw new ConcurrentUpdateException("Concurrent insert of the same row", d);
                }
            }
            throw e;
        }
    }
}
