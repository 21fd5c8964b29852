package org.vouchsafe.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored membership requests. */
public interface MembershipRequestRepository extends JpaRepository<MembershipRequest, String> {

    Optional<MembershipRequest> findByOpenDistroKey(String openDistroKey);

    List<MembershipRequest> findByFiledByOrderByFiledAtDesc(String filedBy);

    List<MembershipRequest> findAllByOrderByFiledAtDesc();
}
