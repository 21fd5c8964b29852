package org.vouchsafe.intake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.problem.NotFoundException;

/**
 * The stored membership requests as every other feature sees and changes them. The repository is
 * intake's own: a feature reads requests here, and changes one only through a method here (or
 * {@link RequestStatusService} for its status), so that what may change, and when, is decided in
 * one place.
 */
@Service
@Transactional(readOnly = true)
public class Requests {

    private final MembershipRequestRepository requests;

    Requests(MembershipRequestRepository requests) {
        this.requests = requests;
    }

    public Optional<MembershipRequest> find(String id) {
        return id == null ? Optional.empty() : requests.findById(id);
    }

    /** The request, or a 404 naming it. */
    public MembershipRequest require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No membership request " + id + "."));
    }

    public boolean exists(String id) {
        return id != null && requests.existsById(id);
    }

    public List<MembershipRequest> findAll(Collection<String> ids) {
        return requests.findAllById(ids);
    }

    /** Every request, newest first (the admin dashboard). */
    public List<MembershipRequest> newestFirst() {
        return requests.findAllByOrderByFiledAtDesc();
    }

    /** One page of requests in {@code statuses}, of one applicant ({@code filedBy}) or of everyone (null). */
    public Page<MembershipRequest> page(Set<RequestStatus> statuses, String filedBy, Pageable page) {
        return filedBy == null ? requests.findByStatusIn(statuses, page)
                : requests.findByFiledByAndStatusIn(filedBy, statuses, page);
    }

    /** Opens the next review round of a request and returns its number (the first is opened at filing). */
    @Transactional
    public int startNextRound(String id) {
        return require(id).startNextRound();
    }

    /**
     * Names {@code added} to vouch on the request, in place of {@code replaced} if given (a list
     * admin's change; the rules about who may be named are the vouching feature's).
     */
    @Transactional
    public void nameVoucher(String id, NamedVoucher added, NamedVoucher replaced) {
        MembershipRequest request = require(id);
        if (replaced != null) {
            request.getVouchers().remove(replaced);
        }
        request.getVouchers().add(added);
        requests.saveAndFlush(request);
    }
}
