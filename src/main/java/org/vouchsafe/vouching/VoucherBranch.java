package org.vouchsafe.vouching;

/** Why a voucher may vouch: the branch of criterion 9 their vouch goes through. */
public enum VoucherBranch {
    /** On the roster: may vouch whatever their affiliation. */
    MEMBER,
    /** Active on oss-security for years and not affiliated with the applicant; a list admin confirms the evidence. */
    VETERAN,
    /** A requester of the same request who is already vouched for. */
    TEAMMATE
}
