package org.vouchsafe.intake;

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
}
