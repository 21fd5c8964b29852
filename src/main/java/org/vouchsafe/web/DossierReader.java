package org.vouchsafe.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Vote;
import org.vouchsafe.system.Roles;
import org.vouchsafe.readmodel.RequestReader;
import org.vouchsafe.readmodel.RequestView;

/**
 * Reads a dossier with the same access rules as the REST API: {@link RequestAccess} for the
 * request, {@link ReviewService#isConflicted} for the votes' comments (as {@code GET /votes}),
 * and the audit trail for list admins only (as {@code GET /api/audit}).
 */
@Service
class DossierReader {

    private final RequestAccess access;
    private final RequestReader reader;
    private final ReviewService review;
    private final AdminDecisionService decisions;
    private final AuditLog audit;
    private final Catalogue catalogue;
    private final List<DossierSections> contributors;
    private final CockpitLinks cockpit;

    DossierReader(RequestAccess access, RequestReader reader, ReviewService review, AdminDecisionService decisions,
                  AuditLog audit, Catalogue catalogue, List<DossierSections> contributors,
                  CockpitLinks cockpit) {
        this.access = access;
        this.reader = reader;
        this.review = review;
        this.decisions = decisions;
        this.audit = audit;
        this.catalogue = catalogue;
        this.contributors = contributors;
        this.cockpit = cockpit;
    }

    @Transactional(readOnly = true)
    public Dossier read(String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        RequestView view = reader.view(id);
        boolean admin = RequestAccess.hasRole(user, Roles.LIST_ADMINS);
        boolean votesHidden = !admin && review.isConflicted(user.getName(), request);

        Map<Integer, String> wording = new TreeMap<>();
        catalogue.criteria().forEach(c -> wording.put(c.number(), c.text()));

        List<Vote> votes = review.votes(id);
        List<Dossier.VoteRow> voteRows = votesHidden ? List.of() : votes.stream()
                .map(v -> new Dossier.VoteRow(v.getRound(), v.getReviewer(), v.getVote().name(), v.getComment(),
                        review.notes(v), v.getCastAt()))
                .toList();
        List<String> pending = List.of();
        if (request.getStatus() == RequestStatus.IN_REVIEW) {
            Set<String> voted = votes.stream().filter(v -> v.getRound() == request.getReviewRound())
                    .map(Vote::getReviewer).collect(Collectors.toSet());
            pending = review.eligibleReviewers(id).stream().filter(r -> !voted.contains(r)).toList();
        }

        List<Dossier.TimelineEntry> timeline = new ArrayList<>();
        timeline.add(new Dossier.TimelineEntry(request.getFiledAt(), "Filed for " + request.getList(), request.getFiledBy()));
        votes.forEach(v -> timeline.add(new Dossier.TimelineEntry(v.getCastAt(),
                "Round " + v.getRound() + ": " + SvgCharts.label(v.getVote().name()), votesHidden ? "a reviewer" : v.getReviewer())));
        review.replies(id).forEach(r -> timeline.add(new Dossier.TimelineEntry(r.getCreatedAt(),
                "Applicant replied to the questions of round " + r.getRound(), r.getAuthor())));
        decisions.history(id).forEach(d -> timeline.add(new Dossier.TimelineEntry(d.getDecidedAt(),
                "Decision: " + SvgCharts.label(d.getOutcome().name())
                        + (d.getEffectiveDate() == null ? "" : " (effective " + d.getEffectiveDate() + ")"), d.getDecidedBy())));
        timeline.sort(Comparator.comparing(Dossier.TimelineEntry::at));

        List<DossierSection> sections = contributors.stream()
                .flatMap(c -> c.sections(id).stream())
                .sorted(Comparator.comparingInt(DossierSection::order).thenComparing(DossierSection::heading))
                .toList();

        return new Dossier(view, wording, request.getHomepage(), request.getOrganization(), request.getUpstream(),
                request.isUnixLike(), request.isOpenSource(), request.getLatestRelease(), request.getUserbase(),
                request.getDownstreamJustification(), List.copyOf(request.getCommunityLinks()), request.getPolicyVersion(),
                request.isPolicyAccepted(),
                request.getRequesters().stream().map(r -> new Dossier.Person(r.getName(), r.getEmail(), r.getAffiliation(),
                        r.getFingerprint())).toList(),
                request.getRoles().stream().map(r -> new Dossier.Commitment(
                        r.isOther() ? null : catalogue.role(r.getRoleId()).orElse(null), r.getTitle(), r.getSpecifics()))
                        .toList(),
                request.getVouchers().stream().map(v -> new Dossier.NamedVoucher(v.getName(), v.getEmail(), v.getVouchesFor()))
                        .toList(),
                votesHidden, voteRows, pending, timeline, admin ? audit.eventsOf(id) : List.of(), admin,
                admin ? cockpit.of(id).orElse(null) : null, sections);
    }
}
