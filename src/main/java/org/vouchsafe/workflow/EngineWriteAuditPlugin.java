package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.vouchsafe.audit.AuditLog;

/**
 * Puts {@link EngineWriteRecorder} into the engine's command chain (the Camunda Spring Boot
 * starter applies every {@code ProcessEnginePlugin} bean). It is added to the <em>post</em>
 * interceptors of the transaction-requiring chain, which run after Spring's transaction
 * interceptor and inside the command context: the pre interceptors run before the transaction
 * is opened, where an audit event could not join it. Other plugins' interceptors are kept.
 */
@Component
class EngineWriteAuditPlugin extends AbstractProcessEnginePlugin {

    private final AuditLog auditLog;

    EngineWriteAuditPlugin(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // A copy: another plugin may have set an unmodifiable list.
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new EngineWriteRecorder(auditLog));
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }
}
