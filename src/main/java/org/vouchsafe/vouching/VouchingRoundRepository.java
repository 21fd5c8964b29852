package org.vouchsafe.vouching;

import org.springframework.data.jpa.repository.JpaRepository;

/** One vouching round per request. */
interface VouchingRoundRepository extends JpaRepository<VouchingRound, String> {
}
