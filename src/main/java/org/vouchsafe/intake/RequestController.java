package org.vouchsafe.intake;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;
import org.vouchsafe.system.Roles;

/** Filing and reading membership requests. */
@RestController
class RequestController {

    private final FilingService filing;
    private final RequestAccess access;
    private final MembershipRequestRepository requests;
    private final RequestCriterionRepository criteria;
    private final ReviewService review;
    private final AdminDecisionService decisions;
    private final ThreadRenderer thread;
    private final Catalogue catalogue;

    RequestController(FilingService filing, RequestAccess access, MembershipRequestRepository requests,
                      RequestCriterionRepository criteria, ReviewService review, AdminDecisionService decisions,
                      ThreadRenderer thread, Catalogue catalogue) {
        this.filing = filing;
        this.access = access;
        this.requests = requests;
        this.criteria = criteria;
        this.review = review;
        this.decisions = decisions;
        this.thread = thread;
        this.catalogue = catalogue;
    }

    /** Applicants file for their distro; list admins may file on someone's behalf. */
    @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('applicants', 'list-admins')")
    ResponseEntity<RequestView> file(@RequestBody FilingRequest body, Authentication user) {
        MembershipRequest request = filing.file(body, user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + request.getId())).body(view(request.getId()));
    }

    /** The caller's own requests, or every request for reviewers and admins. */
    @GetMapping("/api/requests")
    List<RequestView> list(Authentication user) {
        List<MembershipRequest> visible = RequestAccess.hasRole(user, Roles.LIST_ADMINS) || RequestAccess.hasRole(user, Roles.REVIEWERS)
                ? requests.findAllByOrderByFiledAtDesc()
                : requests.findByFiledByOrderByFiledAtDesc(user.getName());
        return visible.stream().map(r -> view(r.getId())).toList();
    }

    @GetMapping("/api/requests/{id}")
    RequestView read(@PathVariable String id, Authentication user) {
        access.readable(id, user);
        return view(id);
    }

    @GetMapping(path = "/api/requests/{id}/thread", produces = "text/plain;charset=UTF-8")
    String thread(@PathVariable String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        return thread.render(request, criteria.findByRequestIdOrderByNumber(id));
    }

    RequestView view(String id) {
        MembershipRequest request = requests.findById(id).orElseThrow();
        List<RequestView.CriterionView> criterionViews = criteria.findByRequestIdOrderByNumber(id).stream()
                .map(c -> new RequestView.CriterionView(c.getNumber(), catalogue.criterion(c.getNumber()).title(),
                        c.getAnswer(), new RequestView.CheckView(c.getOutcome().name(), c.result().reasons())))
                .toList();
        Tally tally = review.tally(id, request.getReviewRound());
        RequestView.DecisionView decision = decisions.latest(id)
                .map(d -> new RequestView.DecisionView(d.getOutcome().name(), d.getReason(), d.getEffectiveDate()))
                .orElse(null);
        return new RequestView(request.getId(), request.getList(),
                new RequestView.DistroView(request.getDistroName(), request.getHomepage(), request.getOrganization(),
                        request.getUpstream()),
                request.getStatus().name(), request.getFiledAt(), criterionViews,
                new RequestView.VotesView(tally.approve(), tally.object(), tally.needsInfo()), decision,
                request.getReviewRound(), review.openQuestions(id));
    }
}
