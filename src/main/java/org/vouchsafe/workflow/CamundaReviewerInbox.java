package org.vouchsafe.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.vouchsafe.review.ReviewerInbox;

/**
 * {@link ReviewerInbox} as native task queries: a page is one query without {@code distinct}
 * plus one query for the page's process instances (their business key is the request id), so
 * the statements per page stay the same however full the inbox is.
 *
 * <p>Native queries bypass Camunda's authorization checks; the only filter is the assignee,
 * which is the caller, so a user sees exactly the tasks assigned to them.
 */
@Component
class CamundaReviewerInbox implements ReviewerInbox {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final String taskTable;

    CamundaReviewerInbox(TaskService tasks, RuntimeService runtime, ManagementService management) {
        this.tasks = tasks;
        this.runtime = runtime;
        // honours a configured table prefix
        this.taskTable = management.getTableName(Task.class);
    }

    @Override
    public List<OpenTask> page(String user, int first, int max) {
        List<Task> page = tasks.createNativeTaskQuery()
                .sql("select RES.* from " + taskTable + " RES where RES.ASSIGNEE_ = #{assignee} order by RES.CREATE_TIME_ desc")
                .parameter("assignee", user)
                .listPage(first, max);
        if (page.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> requestOf = instanceIds.isEmpty() ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(p -> p.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return page.stream().map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                requestOf.get(t.getProcessInstanceId()), t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    }

    @Override
    public long countUpTo(String user, int cap) {
        // The limit inside makes the count stop after cap + 1 rows instead of reading the whole inbox.
        return tasks.createNativeTaskQuery()
                .sql("select count(*) from (select RES.ID_ from " + taskTable + " RES where RES.ASSIGNEE_ = #{assignee} "
                        + "limit " + (cap + 1) + ") C")
                .parameter("assignee", user)
                .count();
    }
}
