package org.vouchsafe.workflow;

/**
 * Names used by {@code processes/role-accountability.bpmn}: a member distro accounts for a role it
 * holds (business key = the accountability item's id).
 */
public final class AccountabilityProcess {

    public static final String PROCESS_KEY = "roleAccountability";

    private AccountabilityProcess() {
    }

    /** BPMN element ids. */
    public static final class Activities {
        public static final String MAIL_RAISED = "Task_MailRaised";
        public static final String ANSWER = "Task_Answer";
        public static final String REMINDER = "Event_AnswerReminder";
        public static final String MAIL_REMINDER = "Task_MailReminder";
        public static final String OVERDUE = "Event_AnswerOverdue";
        public static final String NOBODY_LEFT = "Event_NobodyLeft";
        public static final String ESCALATE = "Task_Escalate";
        public static final String MAIL_ESCALATION = "Task_MailEscalation";
        public static final String CLOSE = "Task_Close";
        public static final String END_CLOSED = "End_Closed";
        public static final String END_REMINDED = "End_Reminded";

        private Activities() {
        }
    }

    /** Message names; the REST twins of the tasks complete the tasks themselves. */
    public static final class Messages {
        /** The distro's last subscribed person left: nobody is left to answer (correlated by {@code distroId}). */
        public static final String DISTRO_WITHOUT_PEOPLE = "DistroWithoutPeople";

        private Messages() {
        }
    }

    /** Process and task variable names: ids only, and the forms' fields. */
    public static final class Variables {
        /** The distro whose people answer: {@code candidateGroups="distro-${distroId}"}. */
        public static final String DISTRO_ID = "distroId";
        /** Task-local, read-only: the request as the people and the admin read it. */
        public static final String SUMMARY = "accountabilitySummary";
        /** The answer form's fields. */
        public static final String EXPLANATION = "explanation";
        public static final String CORRECTION = "correction";
        /** The closing form's fields. */
        public static final String OUTCOME = "closingOutcome";
        public static final String NOTE = "closingNote";

        private Variables() {
        }
    }
}
