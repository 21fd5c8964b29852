package org.vouchsafe.pgp;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicySignatureRepository extends JpaRepository<PolicySignature, String> {

    Optional<PolicySignature> findByRequestIdAndFingerprintAndPolicyVersion(String requestId, String fingerprint,
            String policyVersion);

    List<PolicySignature> findByRequestIdAndPolicyVersion(String requestId, String policyVersion);
}
