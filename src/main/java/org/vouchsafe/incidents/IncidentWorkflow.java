package org.vouchsafe.incidents;

/**
 * What incidents need from the process engine ({@code processes/leak-incident.bpmn}), implemented in
 * the workflow package. The incident id is the process instance's business key. The REST twins of
 * the user tasks complete the same tasks with the same form fields Tasklist sends, so the task
 * listeners are the one place where each step is validated and recorded.
 */
public interface IncidentWorkflow {

    /** Starts the incident's process: the admins' mail and the distro's notice task. */
    void start(String incidentId, String distroId);

    /** Completes the distro's task "we told the reporter and the list"; 409 when it is not open. */
    void confirmNotice(String incidentId, String notifiedAt, String actor);

    /** Completes the distro's final-report task; 409 when it is not open. */
    void submitReport(String incidentId, String extent, String measures, String actor);

    /** Whether the admin's task to judge a final report is open. */
    boolean reviewPending(String incidentId);

    /** Completes the admin's task to judge the final report; 409 when it is not open. */
    void judgeReport(String incidentId, ClosureOutcome outcome, String note, String actor);

    /** Ends the incident's process wherever it waits: the admin escalated (already recorded). */
    void escalated(String incidentId);
}
