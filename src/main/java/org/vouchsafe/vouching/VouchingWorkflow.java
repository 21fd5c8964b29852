package org.vouchsafe.vouching;

/**
 * What vouching needs from the process engine ({@code processes/vouching.bpmn}), implemented in the
 * workflow package so that this package stays free of Camunda. Each call does nothing when no
 * vouching process waits for it (the request's vouching has not started or is over).
 */
public interface VouchingWorkflow {

    /** A veteran's vouch needs a list admin to confirm the evidence: opens the admin's task. */
    void veteranVouchAwaitsConfirmation(String requestId, String vouchId);

    /** A member vouched through the API: closes their Tasklist invitation to vouch for that requester. */
    void memberVouched(String requestId, String voucherEmail, String requesterEmail);

    /** Every requester is vouched for: the vouching process ends. */
    void allVouched(String requestId);

    /** A list admin named a roster member as a new voucher: opens their Tasklist invitation. */
    void memberVoucherAdded(String requestId, String invitationId);

    /**
     * A list admin reopened vouching after its deadline: the vouching process, waiting since the
     * deadline, asks the named vouchers again and collects until the new deadline.
     *
     * @return false when no vouching process of the request waits to be reopened
     */
    boolean reopened(String requestId);

    /** A list admin replaced a voucher: their open Tasklist invitation, if any, is withdrawn. */
    void invitationWithdrawn(String requestId, String invitationId);
}
