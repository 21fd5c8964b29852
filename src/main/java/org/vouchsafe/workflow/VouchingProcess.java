package org.vouchsafe.workflow;

/**
 * Names used by {@code processes/vouching.bpmn} (criterion 9). The membership process calls it with
 * a call activity: in {@code requestId}, out {@code vouchingOutcome}.
 */
public final class VouchingProcess {

    public static final String PROCESS_KEY = "vouching";

    private VouchingProcess() {
    }

    /** BPMN element ids. */
    public static final class Activities {
        public static final String OPEN = "Task_OpenVouching";
        public static final String COLLECT = "SubProcess_CollectVouches";
        public static final String ASK_MEMBER = "SubProcess_AskMember";
        public static final String MEMBER_VOUCH = "Task_MemberVouch";
        public static final String ADDED_MEMBER_VOUCH = "Task_AddedMemberVouch";
        public static final String CONFIRM_VETERAN = "Task_ConfirmVeteranVouch";
        public static final String ALL_VOUCHED = "Event_AllVouched";
        public static final String REMINDER = "Event_Reminder";
        public static final String REMIND = "Task_RemindVouchers";
        public static final String DEADLINE = "Event_Deadline";
        public static final String CLOSE = "Task_CloseVouching";
        public static final String CLOSE_AT_DEADLINE = "Task_CloseAtDeadline";
        public static final String END_VOUCHED = "End_Vouched";
        /** Receive task (message {@link Messages#VOUCHING_REOPENED}) after the deadline closed vouching. */
        public static final String AWAIT_REOPENING = "Task_AwaitReopening";
        public static final String REOPEN = "Task_ReopenVouching";

        private Activities() {
        }
    }

    /** Message names; each is correlated by the process variable {@code requestId}. */
    public static final class Messages {
        /** Every requester is vouched for (a vouch through the API completed the chain). */
        public static final String ALL_VOUCHED = "AllVouched";
        /** A veteran vouched: a list admin confirms the evidence. Local variable {@code vouchId}. */
        public static final String VETERAN_VOUCH_RECEIVED = "VeteranVouchReceived";
        /** A list admin named a roster member as a voucher. Local variable {@code invitationId}. */
        public static final String MEMBER_VOUCHER_ADDED = "MemberVoucherAdded";
        /** A list admin reopened vouching closed by its deadline; the new deadline is in {@code vouching_round}. */
        public static final String VOUCHING_REOPENED = "VouchingReopened";

        private Messages() {
        }
    }

    /** Escalation codes. */
    public static final class Escalations {
        /** Thrown from inside the collection when a Tasklist vouch or confirmation completed the chain. */
        public static final String ALL_VOUCHED = "ALL_VOUCHED";

        private Escalations() {
        }
    }

    /** Process and task variable names: ids and flags, never entities. */
    public static final class Variables {
        /** In: the request. */
        public static final String REQUEST_ID = MembershipProcess.Variables.REQUEST_ID;
        public static final String DISTRO = MembershipProcess.Variables.DISTRO;
        /** ISO instant the deadline timer waits for. */
        public static final String VOUCHING_DEADLINE = "vouchingDeadline";
        /** Out: criterion 9's outcome when vouching ended, {@code PASS} or {@code FAIL}. */
        public static final String VOUCHING_OUTCOME = "vouchingOutcome";
        /** Local input of the closing tasks: {@code ALL_VOUCHED} or {@code DEADLINE}. */
        public static final String CLOSED_BY = "closedBy";
        /** A named voucher's id (intake.NamedVoucher): the element of the member-task loop. */
        public static final String INVITATION_ID = "invitationId";
        /** Task-local inputs of a member's vouch task. */
        public static final String VOUCHER_NAME = "voucherName";
        public static final String VOUCHER_EMAIL = "voucherEmail";
        public static final String VOUCHES_FOR = "vouchesFor";
        public static final String VOUCH_STATEMENT = "vouchStatement";
        /** The member's form fields. */
        public static final String STRENGTH = "strength";
        public static final String VOUCH_COMMENT = "vouchComment";
        public static final String VOUCH_SIGNATURE = "vouchSignature";
        /** Only for members the roster knows by fingerprint alone: their key, which must have that fingerprint. */
        public static final String VOUCHER_PUBLIC_KEY = "voucherPublicKey";
        /** Task-local flags: the member vouched through the API, or the admin withdrew the invitation. */
        public static final String VOUCHED_THROUGH_API = "vouchedThroughApi";
        public static final String INVITATION_WITHDRAWN = "invitationWithdrawn";
        /** The admin's confirmation of a veteran's evidence. */
        public static final String VOUCH_ID = "vouchId";
        public static final String VETERAN_SUMMARY = "veteranSummary";
        public static final String CONFIRMATION = "confirmation";
        public static final String CONFIRMATION_NOTE = "confirmationNote";

        private Variables() {
        }
    }

    /** Values of {@link Variables#CONFIRMATION}. */
    public static final class Confirmation {
        public static final String CONFIRM = "CONFIRM";
        public static final String REFUSE = "REFUSE";

        private Confirmation() {
        }
    }
}
