package org.vouchsafe.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.accountability.AccountabilityService;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.incidents.IncidentService;
import org.vouchsafe.incidents.IncidentView;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.review.ReviewService;

/**
 * Gathers the dashboard's facts from the features' services in one read-only transaction and
 * hands them to {@link Dashboard} and {@link RoleCoverage}, which hold the rules.
 * Cockpit links come from {@link CockpitLinks}, the pages' only engine query.
 */
@Service
class AdminDashboardReader {

    private final Requests requests;
    private final ReviewService review;
    private final AdminDecisionService decisions;
    private final RosterService roster;
    private final Catalogue catalogue;
    private final TargetsProperties targets;
    private final Clock clock;
    private final CockpitLinks cockpit;
    private final AccountabilityService accountability;
    private final IncidentService incidents;

    AdminDashboardReader(Requests requests, ReviewService review, AdminDecisionService decisions,
                         RosterService roster, Catalogue catalogue, TargetsProperties targets, Clock clock,
                         CockpitLinks cockpit, AccountabilityService accountability, IncidentService incidents) {
        this.requests = requests;
        this.review = review;
        this.decisions = decisions;
        this.roster = roster;
        this.catalogue = catalogue;
        this.targets = targets;
        this.clock = clock;
        this.cockpit = cockpit;
        this.accountability = accountability;
        this.incidents = incidents;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        List<Dashboard.RequestFact> facts = new ArrayList<>();
        List<Dashboard.VoteFact> votes = new ArrayList<>();
        List<Dashboard.DecisionFact> decided = new ArrayList<>();
        Map<String, String> links = cockpit.running();
        for (MembershipRequest r : requests.newestFirst()) {
            List<String> eligible = r.getStatus() == RequestStatus.IN_REVIEW ? review.eligibleReviewers(r.getId()) : List.of();
            facts.add(new Dashboard.RequestFact(r.getId(), r.getDistroName(), r.getStatus(), r.getFiledAt(), r.getReviewRound(),
                    links.get(r.getId()), eligible));
            review.votes(r.getId()).forEach(v -> votes.add(new Dashboard.VoteFact(r.getId(), v.getRound(), v.getReviewer())));
            decisions.history(r.getId()).forEach(d -> decided.add(new Dashboard.DecisionFact(r.getId(), d.getOutcome(),
                    d.getDecidedAt())));
        }
        return Dashboard.of(facts, votes, decided, clock.instant(), targets);
    }

    @Transactional(readOnly = true)
    public RoleCoverage coverage() {
        List<RoleCoverage.Holding> holdings = new ArrayList<>();
        for (Member m : roster.roster()) {
            m.getRoles().forEach(role -> holdings.add(new RoleCoverage.Holding(m.getDistro(), role.getRoleId(), m.getJoinedAt())));
        }
        return RoleCoverage.of(catalogue.roles(), holdings, accountability.openByRole(), roster.distrosWithoutPeople());
    }

    /** Open leak incidents with their clocks, oldest first. */
    List<IncidentView> openIncidents() {
        return incidents.open();
    }

    TargetsProperties targets() {
        return targets;
    }
}
