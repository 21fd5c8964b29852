package org.vouchsafe.vouching;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Vouches, oldest first. */
interface VouchRepository extends JpaRepository<Vouch, String> {

    List<Vouch> findByRequestIdOrderByRecordedAt(String requestId);

    boolean existsByRequestIdAndVoucherEmailAndRequesterEmail(String requestId, String voucherEmail, String requesterEmail);
}
