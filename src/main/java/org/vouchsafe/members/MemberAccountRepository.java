package org.vouchsafe.members;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberAccountRepository extends JpaRepository<MemberAccount, String> {

    Optional<MemberAccount> findByMemberId(String memberId);

    Optional<MemberAccount> findByEmailIgnoreCase(String email);

    List<MemberAccount> findByMemberIdIn(Collection<String> memberIds);
}
