package org.vouchsafe.accountability;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Accountability requests. */
public interface AccountabilityRepository extends JpaRepository<AccountabilityItem, String> {

    List<AccountabilityItem> findByStatusInOrderByRaisedAt(Collection<AccountabilityStatus> statuses);

    List<AccountabilityItem> findByDistroIdOrderByRaisedAt(String distroId);
}
