package org.vouchsafe.workflow;

/**
 * Names used by {@code processes/challenge-response.bpmn}, the challenge-response of criterion 8
 * that the membership process calls beside its review (business key = request id).
 */
public final class ChallengeProcess {

    public static final String PROCESS_KEY = "challengeResponse";

    private ChallengeProcess() {
    }

    /** BPMN element ids. */
    public static final class Activities {
        public static final String ISSUE = "Task_IssueChallenges";
        public static final String MAIL_CHALLENGES = "Task_MailChallenges";
        public static final String AWAIT_ANSWERS = "Task_AwaitAnswers";
        public static final String REMINDER = "Event_ChallengeReminder";
        public static final String MAIL_REMINDER = "Task_MailChallengeReminder";
        public static final String EXPIRED = "Event_ChallengesExpired";
        public static final String EXPIRE = "Task_ExpireChallenges";
        public static final String END_SETTLED = "End_ChallengesSettled";
        public static final String END_EXPIRED = "End_ChallengesExpired";

        private Activities() {
        }
    }

    /** Message names. */
    public static final class Messages {
        /** No challenge is open any more: every one answered or failed. */
        public static final String CHALLENGES_SETTLED = "ChallengesSettled";

        private Messages() {
        }
    }
}
