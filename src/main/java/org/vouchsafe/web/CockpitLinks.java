package org.vouchsafe.web;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestWorkflow;

/**
 * Links into Cockpit for the requests whose process runs. Which processes run is asked of the
 * engine (through intake's workflow port) rather than read from the request row, because only the
 * engine knows whether an instance still runs. Reads ids only.
 */
@Component
class CockpitLinks {

    /** Cockpit's page of one process instance; the id is appended. */
    static final String INSTANCE_PAGE = "/camunda/app/cockpit/default/#/process-instance/";

    private final RequestWorkflow workflow;

    CockpitLinks(RequestWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Request id (the business key) → Cockpit link, for every running membership process. */
    Map<String, String> running() {
        return workflow.runningProcesses().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> INSTANCE_PAGE + e.getValue()));
    }

    /** The Cockpit link of the request's running process, if it runs. */
    Optional<String> of(String requestId) {
        return workflow.runningProcess(requestId).map(id -> INSTANCE_PAGE + id);
    }
}
