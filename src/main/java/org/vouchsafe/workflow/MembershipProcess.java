package org.vouchsafe.workflow;

/**
 * Names used by {@code processes/membership-request.bpmn}: keep them in step with the model
 * (the wiring test checks every delegate and form the model names).
 */
public final class MembershipProcess {

    public static final String PROCESS_KEY = "membershipRequest";
    public static final String PRESCREEN_DECISION = "prescreen";

    private MembershipProcess() {
    }

    /** BPMN element ids. */
    public static final class Activities {
        public static final String CHECK_PREFIX = "Task_CheckCriterion";
        public static final String PRESCREEN = "Task_Prescreen";
        public static final String PRESCREEN_DECISION = "Task_PrescreenDecision";
        public static final String OPEN_ROUND = "Task_OpenReviewRound";
        public static final String VOTE = "Task_Vote";
        /** Receive task (message {@link Messages#APPLICANT_REPLIED}) with the reply reminder and stale timers. */
        public static final String AWAIT_REPLY = "Task_AwaitReply";
        public static final String REPLY_REMINDER = "Event_ReplyReminder";
        public static final String REPLY_STALE = "Event_ReplyStale";
        public static final String VOTE_REMINDER = "Event_VoteReminder";
        public static final String VOTE_OVERDUE = "Event_VoteOverdue";
        public static final String CHALLENGE_RESPONSE = "Call_ChallengeResponse";
        /** Criterion 9 runs in its own process beside the review ({@code processes/vouching.bpmn}). */
        public static final String VOUCHING = "Call_Vouching";
        public static final String MAIL_REQUEST_FILED = "Task_MailRequestFiled";
        public static final String MAIL_QUESTIONS = "Task_MailQuestions";
        public static final String MAIL_REPLY_REMINDER = "Task_MailReplyReminder";
        public static final String MAIL_STALE_REQUEST = "Task_MailStaleRequest";
        public static final String MAIL_VOTE_REMINDER = "Task_MailVoteReminder";
        public static final String MAIL_LATE_REVIEWERS = "Task_MailLateReviewers";
        public static final String MAIL_WINDOW_CLOSED = "Task_MailWindowClosed";
        public static final String MAIL_DECISION = "Task_MailDecision";
        public static final String MAIL_PRESCREEN_REJECTION = "Task_MailPrescreenRejection";
        public static final String OBJECTION_WINDOW = "Gateway_ObjectionWindow";
        public static final String OBJECTION_WINDOW_CLOSED = "Event_ObjectionWindowClosed";
        public static final String OBJECTION_RAISED = "Event_ObjectionRaised";
        public static final String ADMIN_DECISION = "Task_AdminDecision";
        public static final String DEFERRED_UNTIL = "Event_DeferredUntil";
        public static final String ADD_TO_ROSTER = "Task_AddToRoster";
        public static final String END_APPROVED = "End_Approved";
        public static final String END_REJECTED = "End_Rejected";
        public static final String END_REJECTED_AT_PRESCREEN = "End_RejectedAtPrescreen";
        /** Interrupting event subprocess, message {@link Messages#REQUEST_WITHDRAWN}: ends everything. */
        public static final String WITHDRAWAL = "SubProcess_Withdrawal";
        public static final String MAIL_WITHDRAWAL = "Task_MailWithdrawal";
        public static final String END_WITHDRAWN = "End_Withdrawn";

        private Activities() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String APPLICANT_REPLIED = "ApplicantReplied";
        public static final String OBJECTION_RAISED = "ObjectionRaised";
        /** The applicant withdrew the request ({@code POST /api/requests/{id}/withdrawal}). */
        public static final String REQUEST_WITHDRAWN = "RequestWithdrawn";

        private Messages() {
        }
    }

    /** Process variable names. Variables carry ids and routing flags, never entities or long text. */
    public static final class Variables {
        public static final String REQUEST_ID = "requestId";
        public static final String DISTRO = "distro";
        public static final String ROUTE = "route";
        public static final String PRESCREEN_CHOICE = "prescreenChoice";
        public static final String PRESCREEN_REASON = "prescreenReason";
        public static final String REVIEWERS = "reviewers";
        public static final String REVIEWER = "reviewer";
        public static final String ROUND = "round";
        public static final String APPROVE_COUNT = "approveCount";
        public static final String OBJECT_COUNT = "objectCount";
        public static final String NEEDS_INFO_COUNT = "needsInfoCount";
        /**
         * One vote: the fields of the {@code review-vote} form ({@code vote}, {@code voteComment},
         * {@code note1} … {@code note9}), read by the vote task's complete listener: transient when cast
         * over REST, stored by Tasklist's form submission and then removed by the listener.
         */
        public static final String VOTE = "vote";
        public static final String VOTE_COMMENT = "voteComment";
        /** Read-only text shown in the forms (kept under Camunda's 4,000-character string limit). */
        public static final String CHECKS_SUMMARY = "checksSummary";
        public static final String REVIEW_SUMMARY = "reviewSummary";
        /** Read-only text of the decision form: per person, whether an approval subscribes them or what they lack. */
        public static final String ADMISSION_SUMMARY = "admissionSummary";
        public static final String DECISION_OUTCOME = "decisionOutcome";
        public static final String DECISION_REASON = "decisionReason";
        public static final String DEFER_UNTIL = "deferUntil";
        /** ISO date-time the deferral timer waits for, derived from {@link #DEFER_UNTIL}. */
        public static final String DEFER_TIMER = "deferTimer";
        /** Local input of each mail task: which {@link Notifications notification} it sends. */
        public static final String NOTIFICATION = "notification";

        private Variables() {
        }

        /** The vote form's note on criterion {@code n}. */
        public static String note(int n) {
            return "note" + n;
        }

        /** The outcome variable of criterion {@code n}, an input of the pre-screen decision. */
        public static String outcome(int n) {
            return "c" + n + "Outcome";
        }
    }

    /** Values of {@link Variables#NOTIFICATION}: the mails the processes send. */
    public static final class Notifications {
        public static final String REQUEST_FILED = "REQUEST_FILED";
        public static final String CHALLENGE_ISSUED = "CHALLENGE_ISSUED";
        public static final String CHALLENGE_REMINDER = "CHALLENGE_REMINDER";
        public static final String QUESTIONS = "QUESTIONS";
        public static final String REPLY_REMINDER = "REPLY_REMINDER";
        public static final String STALE_REQUEST = "STALE_REQUEST";
        public static final String VOTE_REMINDER = "VOTE_REMINDER";
        public static final String LATE_REVIEWERS = "LATE_REVIEWERS";
        public static final String OBJECTION_WINDOW_CLOSED = "OBJECTION_WINDOW_CLOSED";
        public static final String DECISION = "DECISION";
        public static final String WITHDRAWN = "WITHDRAWN";

        private Notifications() {
        }
    }

    /** Values of {@link Variables#ROUTE} and {@link Variables#PRESCREEN_CHOICE}. */
    public static final class Routes {
        public static final String REVIEW = "REVIEW";
        public static final String ADMIN = "ADMIN";
        public static final String REJECT = "REJECT";

        private Routes() {
        }
    }
}
