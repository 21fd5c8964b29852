package org.vouchsafe.pgp;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.FilingListener;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

/**
 * Stores each requester's full fingerprint at filing. Challenges, policy signatures and the
 * roster name keys by it, never by key id; the filing validator has already refused any key
 * that is not healthy, so every requester here has one.
 */
@Component
class RequesterFingerprints implements FilingListener {

    private final CertificateInspector inspector;
    private final Clock clock;

    RequesterFingerprints(CertificateInspector inspector, Clock clock) {
        this.inspector = inspector;
        this.clock = clock;
    }

    @Override
    public void filed(MembershipRequest request, FilingRequest filing) {
        for (Requester requester : request.getRequesters()) {
            requester.setFingerprint(inspector.inspect(requester.getPublicKey(), requester.getEmail(), clock.instant())
                    .fingerprint().orElseThrow(() -> new IllegalStateException("the validated key of requester "
                            + requester.getEmail() + " has no fingerprint")));
        }
    }
}
