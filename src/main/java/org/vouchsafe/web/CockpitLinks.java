package org.vouchsafe.web;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.vouchsafe.workflow.MembershipProcess;

/**
 * The one place the pages ask the engine something: which membership requests have a running
 * process instance, and its id, for links into Cockpit. The engine is asked rather than the
 * request row because only the engine knows whether the instance still runs (and the row's
 * {@code process_instance_id} column is not reliably filled today). Reads ids only.
 */
@Component
class CockpitLinks {

    /** Cockpit's page of one process instance; the id is appended. */
    static final String INSTANCE_PAGE = "/camunda/app/cockpit/default/#/process-instance/";

    private final RuntimeService runtime;

    CockpitLinks(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Request id (the business key) → Cockpit link, for every running membership process. */
    Map<String, String> running() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY).active().list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getBusinessKey, p -> INSTANCE_PAGE + p.getId(), (a, b) -> a));
    }

    /** The Cockpit link of the request's running process, if it runs. */
    Optional<String> of(String requestId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .processInstanceBusinessKey(requestId).list().stream().findFirst().map(p -> INSTANCE_PAGE + p.getId());
    }
}
