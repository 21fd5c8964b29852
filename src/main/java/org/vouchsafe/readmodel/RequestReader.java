package org.vouchsafe.readmodel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Role;
import org.vouchsafe.criteria.OneDistroSignal;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;
import org.vouchsafe.system.Roles;
import org.vouchsafe.criteria.RequestCriterionRepository;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.vouching.VouchService;
import org.vouchsafe.vouching.VouchStatus;

/**
 * Reads requests for the API and the pages: the public view with checks, tally and decision,
 * and the oss-security thread. One read-only transaction per call, so lazy parts load.
 */
@Service
@Transactional(readOnly = true)
public class RequestReader {

    private final RequestAccess access;
    private final Requests requests;
    private final RequestCriterionRepository criteria;
    private final ReviewService review;
    private final AdminDecisionService decisions;
    private final ThreadRenderer thread;
    private final Catalogue catalogue;
    private final VouchService vouches;
    private final OneDistroSignal oneDistro;

    public RequestReader(RequestAccess access, Requests requests, RequestCriterionRepository criteria,
                         ReviewService review, AdminDecisionService decisions, ThreadRenderer thread, Catalogue catalogue,
                         VouchService vouches, OneDistroSignal oneDistro) {
        this.vouches = vouches;
        this.access = access;
        this.requests = requests;
        this.criteria = criteria;
        this.review = review;
        this.decisions = decisions;
        this.thread = thread;
        this.catalogue = catalogue;
        this.oneDistro = oneDistro;
    }

    /** The request as the caller may see it (404 otherwise). */
    public RequestView read(String id, Authentication user) {
        access.readable(id, user);
        return view(id);
    }

    /**
     * One page of the caller's own requests, or of every request for reviewers and admins,
     * newest first, limited to {@code statuses} (all when empty). Paged because each view costs a
     * few statements (checks, tally, open questions, decision): the whole list grew linearly with
     * the number of requests and dominated the load run (docs/performance.md).
     */
    public RequestPage page(Authentication user, Set<RequestStatus> statuses, int page, int size) {
        Set<RequestStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(RequestStatus.class) : statuses;
        PageRequest pageRequest = PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("filedAt"), Sort.Order.asc("id")));
        boolean everyone = RequestAccess.hasRole(user, Roles.LIST_ADMINS) || RequestAccess.hasRole(user, Roles.REVIEWERS);
        Page<MembershipRequest> found = requests.page(wanted, everyone ? null : user.getName(), pageRequest);
        return new RequestPage(found.getContent().stream().map(r -> view(r.getId())).toList(),
                found.getTotalElements(), page, size);
    }

    /** A page of requests and where it lies in the whole list. */
    public record RequestPage(List<RequestView> items, long total, int page, int size) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    public String thread(String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        List<ThreadRenderer.MadeVouch> made = vouches.vouches(id).stream()
                .filter(v -> v.getStatus() != VouchStatus.NOT_CONFIRMED)
                .map(v -> new ThreadRenderer.MadeVouch(v.getVoucherName(), v.getVoucherEmail(), v.getRequesterEmail(),
                        v.getStatus() == VouchStatus.AWAITING_CONFIRMATION))
                .toList();
        return thread.render(request, criteria.findByRequestIdOrderByNumber(id), made);
    }

    public RequestView view(String id) {
        MembershipRequest request = requests.find(id).orElseThrow();
        List<RequestView.CriterionView> criterionViews = criteria.findByRequestIdOrderByNumber(id).stream()
                .map(c -> new RequestView.CriterionView(c.getNumber(), catalogue.criterion(c.getNumber()).title(),
                        c.getAnswer(), new RequestView.CheckView(c.getOutcome().name(), c.result().reasons())))
                .toList();
        Tally tally = review.tally(id, request.getReviewRound());
        RequestView.DecisionView decision = decisions.latest(id)
                .map(d -> new RequestView.DecisionView(d.getOutcome().name(), d.getReason(), d.getEffectiveDate(),
                        d.getNotSubscribed(), decisions.exceptionsOf(d).stream()
                                .map(e -> new RequestView.ExceptionView(e.getEmail(), e.getCriterion(), e.getReason()))
                                .toList()))
                .orElse(null);
        return new RequestView(request.getId(), request.getList(),
                new RequestView.DistroView(request.getDistroName(), request.getHomepage(), request.getOrganization(),
                        request.getUpstream()),
                request.getStatus().name(), request.getFiledAt(), criterionViews,
                new RequestView.VotesView(tally.approve(), tally.object(), tally.needsInfo()), decision,
                request.getReviewRound(), review.openQuestions(id), roles(request), signals(request));
    }

    private List<RequestView.RoleView> roles(MembershipRequest request) {
        return request.getRoles().stream()
                .map(r -> new RequestView.RoleView(r.getRoleId(), r.isOther() ? r.getTitle()
                        : catalogue.role(r.getRoleId()).map(Role::title).orElse(null), r.getSpecifics()))
                .toList();
    }

    /** Computed on read from the request as filed: the settings may change, the request does not. */
    private List<RequestView.SignalView> signals(MembershipRequest request) {
        return oneDistro.of(request).stream()
                .map(s -> new RequestView.SignalView(s.signal(), s.level(), s.reasons()))
                .toList();
    }
}
