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
    /** The applicant withdrew a membership request, with their reason. */
    REQUEST_WITHDRAWN,
    /** A list admin reopened vouching after its deadline, with a new deadline. */
    VOUCHING_REOPENED,
    /** A subscribed person got an account, or a new invitation to set its password (the old link stops working). */
    MEMBER_INVITED,
    /** A member set their password through their invitation; the account can sign in from now on. */
    MEMBER_ACCOUNT_ACTIVATED,
    /** A member distro recorded a contribution (a reference and a sentence, never embargoed content). */
    CONTRIBUTION_RECORDED,
    /** An account joined the reviewer pool: by its distro's role A12, or added by a list admin. */
    REVIEWER_ADDED,
    /** A list admin took an account out of the reviewer pool. */
    REVIEWER_REMOVED,
    /** Someone asked a member distro to explain and correct what went wrong in one of its roles. */
    ACCOUNTABILITY_RAISED,
    /** The distro's members answered an accountability request with an explanation and a correction. */
    ACCOUNTABILITY_ANSWERED,
    /** The distro's members were reminded of an unanswered accountability request. */
    ACCOUNTABILITY_REMINDED,
    /** An accountability request went unanswered and was handed to the list admins. */
    ACCOUNTABILITY_ESCALATED,
    /** A list admin closed an accountability request with its outcome. */
    ACCOUNTABILITY_CLOSED,
    /** A member distro (or a list admin on its behalf) reported a leak of embargoed information. */
    INCIDENT_REPORTED,
    /** The distro confirmed it told the reporter and the list of a leak, with the time it did. */
    INCIDENT_NOTICE_CONFIRMED,
    /** The distro filed its final report on a leak (exact extent, measures). */
    INCIDENT_REPORT_SUBMITTED,
    /** The final report on a leak was not in by its deadline. */
    INCIDENT_REPORT_OVERDUE,
    /** A list admin judged a leak incident: accepted, asked for more, kept waiting or escalated. */
    INCIDENT_REPORT_JUDGED,
    /**
     * The list admin subscribed a person although they had not proved one of criteria 6, 8 and 9
     * themselves: one event per person and criterion, with the reason.
     */
    ADMISSION_EXCEPTION
}
