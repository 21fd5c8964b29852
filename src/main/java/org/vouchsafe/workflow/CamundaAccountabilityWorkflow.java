package org.vouchsafe.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.vouchsafe.accountability.AccountabilityWorkflow;
import org.vouchsafe.accountability.ClosingOutcome;
import org.vouchsafe.membership.DistroWithoutPeople;
import org.vouchsafe.problem.ConcurrentUpdateException;

import static org.vouchsafe.workflow.AccountabilityProcess.Activities;
import static org.vouchsafe.workflow.AccountabilityProcess.Messages;
import static org.vouchsafe.workflow.AccountabilityProcess.PROCESS_KEY;
import static org.vouchsafe.workflow.AccountabilityProcess.Variables;

/**
 * Implements the accountability port with Camunda's Java API (business key = item id), and ends
 * the wait for an answer when a distro has nobody left to give one.
 */
@Component
class CamundaAccountabilityWorkflow implements AccountabilityWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaAccountabilityWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(String itemId, String distroId) {
        CamundaWorkflow.engine(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, itemId,
                Map.of(Variables.DISTRO_ID, distroId)).getId());
    }

    @Override
    public Optional<String> answerTask(String itemId) {
        return task(itemId, Activities.ANSWER);
    }

    @Override
    public Optional<String> closeTask(String itemId) {
        return task(itemId, Activities.CLOSE);
    }

    @Override
    public void completeAnswer(String taskId, String explanation, String correction, String actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(Variables.EXPLANATION, explanation);
        fields.put(Variables.CORRECTION, correction);
        complete(taskId, fields, actor);
    }

    @Override
    public void completeClosure(String taskId, ClosingOutcome outcome, String note, String actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(Variables.OUTCOME, outcome.name());
        fields.put(Variables.NOTE, note);
        complete(taskId, fields, actor);
    }

    /**
     * The distro's last person left: an answer task still open has nobody to answer it, so it goes
     * to the list admins now rather than at the deadline. In the departure's transaction, so that
     * both happen or neither.
     */
    @EventListener
    void nobodyLeft(DistroWithoutPeople event) {
        CamundaWorkflow.engine(() -> {
            runtime.createMessageCorrelation(Messages.DISTRO_WITHOUT_PEOPLE)
                    .processInstanceVariableEquals(Variables.DISTRO_ID, event.distroId()).correlateAll();
            return null;
        });
    }

    private Optional<String> task(String itemId, String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(itemId).processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(activity).list().stream().findFirst().map(Task::getId);
    }

    private void complete(String taskId, Map<String, Object> fields, String actor) {
        try {
            CamundaWorkflow.engine(() -> {
                Actors.as(actor, () -> {
                    tasks.complete(taskId, fields);
                    return null;
                });
                return null;
            });
        } catch (NullValueException e) {
            throw new ConcurrentUpdateException("The task was completed by a concurrent transaction", e);
        }
    }
}
