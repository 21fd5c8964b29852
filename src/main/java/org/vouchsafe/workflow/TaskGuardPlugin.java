package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskSubmissionGuard} in the engine and narrows what Camunda grants a task's
 * assignee or candidate by default.
 *
 * <p>The guard goes among the <em>post</em> interceptors of the transaction-required executor,
 * the one the webapps, the engine REST API and our services use: there it runs inside the command
 * context, so it can load the task a completion names, and inside the transaction.
 *
 * <p>{@code defaultUserPermissionForTask = TASK_WORK}: Camunda gives each assignee and candidate
 * {@code UPDATE} on their task by default, which includes reassigning it and writing its
 * variables; {@code TASK_WORK} is claim and complete, all a reviewer needs. (Tasks created before
 * this setting keep their {@code UPDATE} grant; the guard refuses those writes anyway.)
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {

    private final FormFields forms;

    TaskGuardPlugin(FormFields forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new TaskSubmissionGuard(forms));
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
        configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    }
}
