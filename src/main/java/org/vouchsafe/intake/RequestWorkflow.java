package org.vouchsafe.intake;

import java.util.Map;
import java.util.Optional;

/**
 * What intake needs from the process engine, implemented in the workflow package so that
 * this package stays free of Camunda.
 */
public interface RequestWorkflow {

    /**
     * Starts the membership process for a freshly stored request, inside the caller's
     * transaction: if the start fails, the filing is rolled back with it.
     *
     * @return the process instance id
     */
    String start(String requestId, String distroName);

    /** Request id (the business key) → process instance id, for every request whose process runs. */
    Map<String, String> runningProcesses();

    /** The running process instance of the request, if its process runs. */
    Optional<String> runningProcess(String requestId);

    /**
     * The applicant withdrew the request: the membership process's withdrawal path ends it and the
     * processes it called, and enters the status {@code WITHDRAWN}, in the caller's transaction.
     *
     * @return false when no process of the request waits for it (it ended already)
     */
    boolean withdraw(String requestId);
}
