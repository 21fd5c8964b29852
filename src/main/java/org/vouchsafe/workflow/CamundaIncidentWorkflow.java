package org.vouchsafe.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import org.vouchsafe.incidents.ClosureOutcome;
import org.vouchsafe.incidents.IncidentWorkflow;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.problem.ConflictException;

import static org.vouchsafe.workflow.CamundaWorkflow.engine;
import static org.vouchsafe.workflow.IncidentProcess.Activities;
import static org.vouchsafe.workflow.IncidentProcess.Messages;
import static org.vouchsafe.workflow.IncidentProcess.PROCESS_KEY;
import static org.vouchsafe.workflow.IncidentProcess.Variables;

/**
 * Implements the incidents port with Camunda's Java API; the incident id is the business key. The
 * REST twins complete the tasks with the fields their forms declare, as transient values: the
 * listeners read them in this transaction and the incident keeps them, so the variable tables never do
 * (the judgement's outcome excepted: it stays as the gateway's routing flag).
 */
@Component
class CamundaIncidentWorkflow implements IncidentWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaIncidentWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(String incidentId, String distroId) {
        engine(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, incidentId, Map.of(Variables.DISTRO_ID, distroId)));
    }

    @Override
    public void confirmNotice(String incidentId, String notifiedAt, String actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(Variables.NOTIFIED_AT, text(notifiedAt));
        complete(open(incidentId, Activities.CONFIRM_NOTICE, "This incident is not waiting for notice to be confirmed."),
                fields, actor);
    }

    @Override
    public void submitReport(String incidentId, String extent, String measures, String actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(Variables.EXTENT, text(extent));
        fields.put(Variables.MEASURES, text(measures));
        complete(open(incidentId, Activities.SUBMIT_REPORT, "This incident is not waiting for a final report "
                + "(notice must be confirmed first; after a report, only when the admin asks for more)."), fields, actor);
    }

    @Override
    public boolean reviewPending(String incidentId) {
        return task(incidentId, Activities.REVIEW_REPORT).isPresent();
    }

    @Override
    public void judgeReport(String incidentId, ClosureOutcome outcome, String note, String actor) {
        Map<String, Object> fields = new HashMap<>();
        // Stored, not transient: the listener writes the routing flag back under the same name, and
        // the engine refuses to turn a transient variable into a stored one.
        fields.put(Variables.CLOSURE_OUTCOME, outcome.name());
        fields.put(Variables.CLOSURE_NOTE, text(note));
        complete(open(incidentId, Activities.REVIEW_REPORT, "No final report waits to be judged."), fields, actor);
    }

    @Override
    public void escalated(String incidentId) {
        try {
            engine(() -> runtime.createMessageCorrelation(Messages.INCIDENT_ESCALATED)
                    .processInstanceBusinessKey(incidentId).correlateAllWithResult());
        } catch (ProcessEngineException e) {
            throw concurrentOr(e);
        }
    }

    private Optional<Task> task(String incidentId, String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(incidentId).taskDefinitionKey(activity).list().stream()
                .findFirst();
    }

    private String open(String incidentId, String activity, String otherwise) {
        return task(incidentId, activity).map(Task::getId).orElseThrow(() -> new ConflictException(otherwise));
    }

    private void complete(String taskId, Map<String, Object> fields, String actor) {
        try {
            engine(() -> Actors.as(actor, () -> {
                tasks.complete(taskId, fields);
                return null;
            }));
        } catch (NullValueException e) {
            throw new ConcurrentUpdateException("The task was completed by a concurrent transaction", e);
        } catch (ProcessEngineException e) {
            throw concurrentOr(e);
        }
    }

    /**
     * The admins' mail ends its parallel branch in a job; when that happens while a task of the
     * other branch completes, the engine may find the execution tree it read already pruned
     * ("ENGINE-03077 Cannot resolve parent ... perhaps it was deleted in the meantime") rather than
     * failing on its optimistic lock. It is the same race, and the caller retries it the same way.
     */
    private static RuntimeException concurrentOr(ProcessEngineException e) {
        if (e.getMessage() != null && e.getMessage().contains("ENGINE-03077")) {
            return new ConcurrentUpdateException("The process instance changed in a concurrent transaction", e);
        }
        return e;
    }

    private static TypedValue text(String value) {
        return org.camunda.bpm.engine.variable.Variables.stringValue(value, true);
    }
}
