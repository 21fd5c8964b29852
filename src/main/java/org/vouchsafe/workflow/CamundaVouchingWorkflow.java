package org.vouchsafe.workflow;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vouchsafe.vouching.VouchingWorkflow;

import static org.vouchsafe.workflow.CamundaWorkflow.engine;
import static org.vouchsafe.workflow.VouchingProcess.Activities;
import static org.vouchsafe.workflow.VouchingProcess.Messages;
import static org.vouchsafe.workflow.VouchingProcess.Variables;

/**
 * Implements the vouching port with Camunda's Java API. Everything is found by the process variable
 * {@code requestId}, so it works however the membership process passes the business key; when no
 * vouching process waits (not started, or over), the calls do nothing.
 */
@Component
class CamundaVouchingWorkflow implements VouchingWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CamundaVouchingWorkflow.class);

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaVouchingWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void veteranVouchAwaitsConfirmation(String requestId, String vouchId) {
        int opened = engine(() -> runtime.createMessageCorrelation(Messages.VETERAN_VOUCH_RECEIVED)
                .processInstanceVariableEquals(Variables.REQUEST_ID, requestId)
                .setVariableLocal(Variables.VOUCH_ID, vouchId)
                .correlateAllWithResult().size());
        if (opened == 0) {
            log.warn("Request {}: no vouching process is running; veteran vouch {} waits for a list admin without a task",
                    requestId, vouchId);
        }
    }

    @Override
    public void memberVouched(String requestId, String voucherEmail, String requesterEmail) {
        for (Task task : memberTasks(requestId)) {
            if (voucherEmail.equalsIgnoreCase(String.valueOf(tasks.getVariable(task.getId(), Variables.VOUCHER_EMAIL)))
                    && requesterEmail.equalsIgnoreCase(String.valueOf(tasks.getVariable(task.getId(), Variables.VOUCHES_FOR)))) {
                close(task, Variables.VOUCHED_THROUGH_API);
            }
        }
    }

    @Override
    public void allVouched(String requestId) {
        engine(() -> runtime.createMessageCorrelation(Messages.ALL_VOUCHED)
                .processInstanceVariableEquals(Variables.REQUEST_ID, requestId)
                .correlateAllWithResult());
    }

    @Override
    public void memberVoucherAdded(String requestId, String invitationId) {
        engine(() -> runtime.createMessageCorrelation(Messages.MEMBER_VOUCHER_ADDED)
                .processInstanceVariableEquals(Variables.REQUEST_ID, requestId)
                .setVariableLocal(Variables.INVITATION_ID, invitationId)
                .correlateAllWithResult());
    }

    @Override
    public boolean reopened(String requestId) {
        return engine(() -> runtime.createMessageCorrelation(Messages.VOUCHING_REOPENED)
                .processInstanceVariableEquals(Variables.REQUEST_ID, requestId)
                .correlateAllWithResult().size()) > 0;
    }

    @Override
    public void invitationWithdrawn(String requestId, String invitationId) {
        for (Task task : memberTasks(requestId)) {
            if (invitationId.equals(tasks.getVariable(task.getId(), Variables.INVITATION_ID))) {
                close(task, Variables.INVITATION_WITHDRAWN);
            }
        }
    }

    private List<Task> memberTasks(String requestId) {
        return tasks.createTaskQuery().processVariableValueEquals(Variables.REQUEST_ID, requestId)
                .taskDefinitionKeyIn(Activities.MEMBER_VOUCH, Activities.ADDED_MEMBER_VOUCH).list();
    }

    /** Completes a member's task with a task-local flag, so its listener knows there is nothing to record. */
    private void close(Task task, String flag) {
        engine(() -> {
            tasks.setVariableLocal(task.getId(), flag, Boolean.TRUE);
            tasks.complete(task.getId());
            return null;
        });
    }
}
