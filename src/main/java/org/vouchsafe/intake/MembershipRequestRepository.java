package org.vouchsafe.intake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored membership requests. */
interface MembershipRequestRepository extends JpaRepository<MembershipRequest, String> {

    Optional<MembershipRequest> findByOpenDistroKey(String openDistroKey);

    List<MembershipRequest> findByFiledByOrderByFiledAtDesc(String filedBy);

    List<MembershipRequest> findAllByOrderByFiledAtDesc();

    // Pages of the request list (GET /api/requests): ordered by the Pageable, newest first.
    Page<MembershipRequest> findByStatusIn(Collection<RequestStatus> statuses, Pageable page);

    Page<MembershipRequest> findByFiledByAndStatusIn(String filedBy, Collection<RequestStatus> statuses, Pageable page);
}
