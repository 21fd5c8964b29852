package org.vouchsafe.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.catalogue.Role;
import org.vouchsafe.readmodel.RequestView;

/**
 * Everything a reviewer needs on one page, read in one transaction: the request as the API
 * shows it, the criteria's full wording beside answers and checks, the filing's people,
 * evidence and commitments, the votes, the timeline, the audit trail (list admins only) and
 * the sections other features contribute.
 */
record Dossier(
        RequestView request,
        Map<Integer, String> criterionText,
        String homepage,
        String organization,
        String upstream,
        boolean unixLike,
        boolean openSource,
        LocalDate latestRelease,
        String userbase,
        String downstreamJustification,
        List<String> communityLinks,
        String policyVersion,
        boolean policyAccepted,
        List<Person> requesters,
        List<Commitment> roles,
        List<NamedVoucher> vouchers,
        boolean votesHidden,
        List<VoteRow> votes,
        List<String> pendingReviewers,
        List<TimelineEntry> timeline,
        List<AuditEvent> auditTrail,
        boolean auditVisible,
        String cockpitUrl,
        List<DossierSection> sections) {

    /** A requester and their key. */
    record Person(String name, String email, String affiliation, String fingerprint) {
    }

    /**
     * A role the distro commits to, with the catalogue's wording; for a contribution outside the
     * catalogue {@code role} is null and {@code title} is the distro's own.
     */
    record Commitment(Role role, String title, String specifics) {
    }

    /** A voucher named in the filing. */
    record NamedVoucher(String name, String email, String vouchesFor) {
    }

    /** A vote with its comment and notes per criterion. */
    record VoteRow(int round, String reviewer, String vote, String comment, Map<String, String> notes, Instant castAt) {
    }

    /** One dated thing that happened to the request. */
    record TimelineEntry(Instant at, String what, String who) {
    }
}
