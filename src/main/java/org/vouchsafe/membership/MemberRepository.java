package org.vouchsafe.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The roster. */
public interface MemberRepository extends JpaRepository<Member, String> {

    Optional<Member> findByEmailIgnoreCase(String email);

    List<Member> findAllByOrderByDistroAscNameAsc();

    List<Member> findByRequestId(String requestId);

    /** The current roster (subscribed or leaving later), or those who left. */
    List<Member> findByStatusInOrderByDistroAscNameAsc(java.util.Collection<MemberStatus> statuses);

    /** Leaving dates that have come: {@code LEAVING} with {@code left_at} not after {@code now}. */
    List<Member> findByStatusAndLeftAtLessThanEqual(MemberStatus status, java.time.Instant now);

    /**
     * Takes a leaving person off the roster unless another node did it first: the count (1 or 0) says
     * whether this call made the change, so that only one node announces the departure.
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update Member m set m.status = org.vouchsafe.membership.MemberStatus.LEFT "
            + "where m.id = :id and m.status = org.vouchsafe.membership.MemberStatus.LEAVING")
    int markLeft(@org.springframework.data.repository.query.Param("id") String id);
}
