package org.vouchsafe.pgp;

import java.util.Arrays;
import java.util.Iterator;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.springframework.stereotype.Service;

/**
 * Whether a new key follows an old one: some user id of the new certificate carries a
 * certification made by the old primary key (what {@code gpg --default-key OLD --sign-key NEW}
 * adds). The certificate API checks a certificate's own signatures; a third party's over it is
 * checked here with the issuer named (its fingerprint or key id must be the old primary's),
 * a hash the key policy accepts, and an old key that is not revoked, so a key given up as
 * compromised cannot hand the membership on.
 */
@Service
public class KeySuccession {

    private final CertificateInspector inspector;

    public KeySuccession(CertificateInspector inspector) {
        this.inspector = inspector;
    }

    /** Whether {@code newArmored} is certified by the primary key of {@code oldArmored}. */
    public boolean certifiedBy(String newArmored, String oldArmored) {
        OpenPGPCertificate next = inspector.parse(newArmored).certificate();
        OpenPGPCertificate previous = inspector.parse(oldArmored).certificate();
        if (next == null || previous == null) {
            return false;
        }
        PGPPublicKey oldPrimary = previous.getPrimaryKey().getPGPPublicKey();
        PGPPublicKey newPrimary = next.getPrimaryKey().getPGPPublicKey();
        if (oldPrimary.hasRevocation()) {
            return false;
        }
        Iterator<String> userIds = newPrimary.getUserIDs();
        while (userIds.hasNext()) {
            String userId = userIds.next();
            Iterator<PGPSignature> signatures = newPrimary.getSignaturesForID(userId);
            while (signatures != null && signatures.hasNext()) {
                PGPSignature signature = signatures.next();
                if (signature.isCertification() && issuedBy(signature, oldPrimary)
                        && !inspector.policy().weakHashAlgorithms().contains(signature.getHashAlgorithm())
                        && verifies(signature, userId, oldPrimary, newPrimary)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean issuedBy(PGPSignature signature, PGPPublicKey issuer) {
        var fingerprints = signature.getHashedSubPackets() == null ? null : signature.getHashedSubPackets().getIssuerFingerprint();
        if (fingerprints != null) {
            return Arrays.equals(fingerprints.getFingerprint(), issuer.getFingerprint());
        }
        return signature.getKeyID() == issuer.getKeyID();
    }

    private static boolean verifies(PGPSignature signature, String userId, PGPPublicKey issuer, PGPPublicKey target) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), issuer);
            return signature.verifyCertification(userId, target);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
