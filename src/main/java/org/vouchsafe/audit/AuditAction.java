package org.vouchsafe.audit;

/**
 * What an audit event records. The constant's name is stored and is part of the hashed data:
 * renaming or removing a constant breaks verification of every event that used it, so
 * constants are only ever added.
 */
public enum AuditAction {
    /** An applicant filed a membership request. */
    REQUEST_FILED,
    /** A reviewer cast or changed a vote. */
    VOTE_CAST,
    /** A voucher vouched for (or withdrew a vouch for) a requester. */
    VOUCH_RECORDED,
    /** A requester answered a PGP challenge. */
    CHALLENGE_ANSWERED,
    /** The list admin's decision on a request. */
    DECISION_RECORDED,
    /** A member was added to the roster. */
    ROSTER_MEMBER_ADDED,
    /** A member was removed from the roster. */
    ROSTER_MEMBER_REMOVED,
    /** A roster entry (roles, key, address) changed. */
    ROSTER_MEMBER_CHANGED,
    /** An admin overrode an automated outcome, a quorum or a deadline. */
    ADMIN_OVERRIDE,
    /** A threshold (quorum, objection window, eligibility limits) was configured. */
    THRESHOLD_CONFIGURED,
    /** The applicant answered the reviewers' questions. */
    APPLICANT_REPLIED,
    /** The list admin chose at pre-screen to send a request with a failed check to review. */
    PRESCREEN_OVERRIDDEN,
    /** A requester's signature over the policy statement was verified and recorded (criterion 6). */
    POLICY_SIGNED,
    /** A signed vouch sent without an account was refused; the voucher is told only that it was not accepted. */
    VOUCH_REFUSED,
    /**
     * A signed-in user changed the process engine's state through Camunda's REST API or webapps
     * (variables, jobs, process instances, deployments, tasks, ...), outside the application's own paths.
     */
    ENGINE_CHANGE,
    /** A signed-in user changed Camunda users, groups, memberships, tenants or authorizations. */
    IDENTITY_CHANGED,
    /**
     * The list admin subscribed a person although they had not proved one of criteria 6, 8 and 9
     * themselves: one event per person and criterion, with the reason.
     */
    ADMISSION_EXCEPTION
}
