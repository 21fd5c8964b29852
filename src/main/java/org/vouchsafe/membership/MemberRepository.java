package org.vouchsafe.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The roster. */
public interface MemberRepository extends JpaRepository<Member, String> {

    Optional<Member> findByEmailIgnoreCase(String email);

    List<Member> findAllByOrderByDistroAscNameAsc();

    List<Member> findByRequestId(String requestId);
}
