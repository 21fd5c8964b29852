package org.vouchsafe.pgp;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChallengeRepository extends JpaRepository<Challenge, String> {

    Optional<Challenge> findByRequestIdAndFingerprint(String requestId, String fingerprint);

    List<Challenge> findByRequestIdOrderByIssuedAtAscRequesterEmailAsc(String requestId);

    /** Locks the row so that concurrent answers are counted one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Challenge c where c.requestId = :requestId and c.fingerprint = :fingerprint")
    Optional<Challenge> lockByRequestIdAndFingerprint(String requestId, String fingerprint);
}
