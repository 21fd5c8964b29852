package org.vouchsafe.workflow;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.vouchsafe.members.MemberTasks;

/** The member vouch tasks that name an account as candidate user. */
@Component
class CamundaMemberTasks implements MemberTasks {

    private final TaskService tasks;

    CamundaMemberTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<VouchTask> openVouchTasks(String username) {
        return tasks.createTaskQuery().taskCandidateUser(username).includeAssignedTasks()
                .taskDefinitionKeyIn(VouchingProcess.Activities.MEMBER_VOUCH, VouchingProcess.Activities.ADDED_MEMBER_VOUCH)
                .list().stream()
                .map(t -> new VouchTask(t.getId(), businessKey(t), (String) tasks.getVariable(t.getId(), VouchingProcess.Variables.VOUCHES_FOR), t.getName()))
                .toList();
    }

    private String businessKey(Task task) {
        Object requestId = tasks.getVariable(task.getId(), VouchingProcess.Variables.REQUEST_ID);
        return requestId == null ? null : requestId.toString();
    }
}
