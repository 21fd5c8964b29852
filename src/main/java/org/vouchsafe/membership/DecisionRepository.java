package org.vouchsafe.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Decisions, newest last. */
public interface DecisionRepository extends JpaRepository<Decision, String> {

    List<Decision> findByRequestIdOrderByDecidedAt(String requestId);

    Optional<Decision> findFirstByRequestIdOrderByDecidedAtDesc(String requestId);
}
