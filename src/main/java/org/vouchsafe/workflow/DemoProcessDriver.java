package org.vouchsafe.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the demo scenario needs from the engine that no feature port offers, because in real life
 * time, the job executor or a list admin in Tasklist does it (demo profile only). Each method runs
 * the model's own path: a job is executed as the job executor would execute it, a task is completed
 * with its form's fields on behalf of the admin, as Tasklist would complete it.
 */
@Component
@Profile("demo")
public class DemoProcessDriver {

    /** More rounds than any chain of asynchronous steps the models have; a model that loops would be a bug. */
    private static final int MAX_ROUNDS = 100;

    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;

    DemoProcessDriver(ManagementService management, RuntimeService runtime, TaskService tasks) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * Executes every job that is due now (asynchronous checks, mails, the challenges' issue, the
     * opening of vouching), and those they make due, until none is left. During start-up the job
     * executor may not run yet, and inside the seeding transaction it could not see the jobs anyway.
     *
     * @return how many jobs ran
     */
    public int runDueJobs() {
        int ran = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, 50);
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("Jobs keep becoming due after " + ran + " executions");
    }

    /**
     * Lets the objection window of a request close as its timer would when the window's time is up:
     * the timer's job is executed now, which takes the model's own path (the admin's "window closed"
     * mail, then the decision task). Its due date is days away, so it is executed by id, not as due.
     */
    public void passObjectionWindow(String requestId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .processInstanceBusinessKey(requestId).singleResult().getId();
        List<Job> timers = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(MembershipProcess.Activities.OBJECTION_WINDOW_CLOSED).list();
        if (timers.size() != 1) {
            throw new IllegalStateException("Request " + requestId + " is not in its objection window ("
                    + timers.size() + " window timers)");
        }
        management.executeJob(timers.get(0).getId());
        runDueJobs();
    }

    /** The admin confirms every veteran's evidence awaiting confirmation on the request, as in the Tasklist form. */
    public int confirmVeteranVouches(String requestId, String admin, String note) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId)
                .taskDefinitionKey(VouchingProcess.Activities.CONFIRM_VETERAN).list();
        for (Task task : open) {
            Map<String, Object> fields = new HashMap<>();
            fields.put(VouchingProcess.Variables.CONFIRMATION, VouchingProcess.Confirmation.CONFIRM);
            fields.put(VouchingProcess.Variables.CONFIRMATION_NOTE, note);
            complete(task.getId(), fields, admin);
        }
        runDueJobs();
        return open.size();
    }

    /** The admin sends a request with a failed check to review anyway, as in the pre-screen form. */
    public void sendToReview(String requestId, String admin, String reason) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(requestId)
                .taskDefinitionKey(MembershipProcess.Activities.PRESCREEN_DECISION).singleResult();
        if (task == null) {
            throw new IllegalStateException("Request " + requestId + " is not waiting for pre-screening");
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put(MembershipProcess.Variables.PRESCREEN_CHOICE, MembershipProcess.Routes.REVIEW);
        fields.put(MembershipProcess.Variables.PRESCREEN_REASON, reason);
        complete(task.getId(), fields, admin);
        runDueJobs();
    }

    private void complete(String taskId, Map<String, Object> fields, String actor) {
        CamundaWorkflow.engine(() -> Actors.as(actor, () -> {
            tasks.complete(taskId, fields);
            return null;
        }));
    }
}
