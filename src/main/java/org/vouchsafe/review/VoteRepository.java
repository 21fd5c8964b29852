package org.vouchsafe.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Votes; there is no update path, only inserts and reads. */
public interface VoteRepository extends JpaRepository<Vote, String> {

    Optional<Vote> findByRequestIdAndRoundAndReviewer(String requestId, int round, String reviewer);

    List<Vote> findByRequestIdAndRoundOrderByCastAt(String requestId, int round);

    List<Vote> findByRequestIdOrderByCastAt(String requestId);
}
