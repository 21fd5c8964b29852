package org.vouchsafe.members;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberKeyRepository extends JpaRepository<MemberKey, String> {
}
