package org.vouchsafe.vouching;

/**
 * Why a vouch was refused, stable for programs (the {@code reason} of the problem answer), with
 * the HTTP status it answers with.
 */
public enum VouchRefusal {
    /** The voucher and the person vouched for are the same. */
    SELF_VOUCH(400),
    /** The person vouched for is not a requester of this request. */
    NOT_A_REQUESTER(400),
    /** This voucher already vouched for this person on this request. */
    DUPLICATE_VOUCH(409),
    /** The signature, or the key sent, is not the voucher's key on file. */
    WRONG_KEY(400),
    /** The statement sent, or the text signed, differs from the one the API serves. */
    STATEMENT_ALTERED(400),
    /** The signature cannot be relied on for another reason (damaged, weak, expired key). */
    BAD_SIGNATURE(400),
    /** The key sent cannot be used (unreadable, revoked, without the voucher's address). */
    BAD_KEY(400),
    /** A member's key is on file nowhere and none was sent. */
    NO_KEY_ON_FILE(409),
    /** A non-member affiliated with the applicant distro or its organization. */
    AFFILIATED(403),
    /** A non-member without the required years of oss-security activity or evidence. */
    NOT_A_VETERAN(400),
    /** A non-member the request does not name as a voucher (a list admin can add them). */
    NOT_NAMED(403),
    /** A teammate who is not yet vouched for themselves. */
    UNVOUCHED_TEAMMATE(403),
    /**
     * A vouched teammate too far down the chain to vouch for others ({@code vouchsafe.vouching.teammate-depth};
     * with 0, nobody vouches for teammates).
     */
    TEAMMATE_TOO_DEEP(403),
    /** The request is closed. */
    REQUEST_CLOSED(409),
    /** The vouching deadline has passed. */
    VOUCHING_CLOSED(409),
    /**
     * To a voucher without an account: the signature does not verify against the key sent (or, none
     * sent, the key on file for the address). Said before anything about the request is looked at.
     */
    SIGNATURE_NOT_VERIFIED(400),
    /**
     * To a voucher without an account: a signature that verified, but a vouch refused for any other
     * reason (not named, not eligible, not a requester, closed, ...). One answer for all of them, so
     * that it tells nothing about who is named or on the request; the reason is in the audit trail and
     * the applicant's timeline.
     */
    NOT_ACCEPTED(403);

    private final int status;

    VouchRefusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
