package org.vouchsafe.workflow;

/**
 * Names used by {@code processes/leak-incident.bpmn}: one instance per leak incident, business key =
 * incident id. Variables carry the distro's id (for the candidate group) and routing flags only;
 * what was reported lives in the {@code incident} table.
 */
public final class IncidentProcess {

    public static final String PROCESS_KEY = "leakIncident";

    private IncidentProcess() {
    }

    /** BPMN element ids. */
    public static final class Activities {
        public static final String MAIL_ADMINS = "Task_MailAdminsIncident";
        public static final String CONFIRM_NOTICE = "Task_ConfirmNotice";
        public static final String SUBMIT_REPORT = "Task_SubmitReport";
        public static final String REPORT_REMINDER = "Event_ReportReminder";
        public static final String MAIL_REMINDER = "Task_MailReportReminder";
        public static final String REPORT_OVERDUE = "Event_ReportOverdue";
        public static final String RECORD_OVERDUE = "Task_RecordOverdue";
        public static final String MAIL_OVERDUE = "Task_MailReportOverdue";
        public static final String CHASE_OVERDUE = "Task_ChaseOverdueReport";
        public static final String REVIEW_REPORT = "Task_ReviewReport";
        public static final String ESCALATED = "Event_Escalated";
        public static final String END_ACCEPTED = "End_Accepted";
        public static final String END_ESCALATED = "End_Escalated";
        public static final String END_ESCALATED_OVERDUE = "End_EscalatedWhenOverdue";
        public static final String END_ESCALATED_BY_ADMIN = "End_EscalatedByAdmin";

        private Activities() {
        }
    }

    /** Message names, correlated by business key. */
    public static final class Messages {
        /** A list admin escalated while no report waited to be judged (recorded before the message). */
        public static final String INCIDENT_ESCALATED = "IncidentEscalated";

        private Messages() {
        }
    }

    /** Process and task variable names. */
    public static final class Variables {
        /** The reporting member distro's id: its members are candidate group {@code distro-<distroId>}. */
        public static final String DISTRO_ID = "distroId";
        /** Notice form. */
        public static final String NOTIFIED_AT = "notifiedAt";
        /** Final-report form (the same names as the REST body). */
        public static final String EXTENT = "extent";
        public static final String MEASURES = "measures";
        /** The admin's judgement form; the outcome stays as the routing flag. */
        public static final String CLOSURE_OUTCOME = "closureOutcome";
        public static final String CLOSURE_NOTE = "closureNote";
        /** The admin's answer to an overdue report: {@code WAIT} or {@code ESCALATE}; stays as the routing flag. */
        public static final String OVERDUE_ACTION = "overdueAction";
        public static final String OVERDUE_NOTE = "overdueNote";
        /** Read-only text shown in the forms. */
        public static final String INCIDENT_SUMMARY = "incidentSummary";

        private Variables() {
        }
    }
}
