package org.vouchsafe.pgp;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.catalogue.Catalogue;

/**
 * What each person of a request has proved with their own key, for the roster: whether they
 * signed the statement of the current list policy (criterion 6) and answered the challenge
 * encrypted to them (criterion 8). Criteria 6 and 8 judge the request as a whole; admission asks
 * the same of every person, so it asks here, by fingerprint.
 */
@Service
public class KeyProofs {

    private final PolicyAcceptanceService acceptance;
    private final ChallengeService challenges;
    private final Catalogue catalogue;

    public KeyProofs(PolicyAcceptanceService acceptance, ChallengeService challenges, Catalogue catalogue) {
        this.acceptance = acceptance;
        this.challenges = challenges;
        this.catalogue = catalogue;
    }

    /** The proofs on one request, each a set of full fingerprints (upper case). */
    @Transactional(readOnly = true)
    public Proven of(String requestId) {
        // Only a signature over the full text of the current version counts, as for criterion 6.
        Set<String> signed = Set.copyOf(acceptance.acceptances(requestId, catalogue.currentPolicy().version())
                .signed().keySet());
        Set<String> answered = new HashSet<>();
        challenges.list(requestId).stream().filter(c -> c.getStatus() == ChallengeStatus.ANSWERED)
                .forEach(c -> answered.add(c.getFingerprint()));
        return new Proven(signed, Set.copyOf(answered));
    }

    /**
     * The fingerprints that signed the current policy and those that answered their challenge.
     *
     * @param policySigned       keys whose holder signed the current policy statement (C6)
     * @param challengeAnswered  keys whose holder decrypted and answered their challenge (C8)
     */
    public record Proven(Set<String> policySigned, Set<String> challengeAnswered) {

        /** Whether the holder of {@code fingerprint} signed the current policy. */
        public boolean signedPolicy(String fingerprint) {
            return fingerprint != null && policySigned.contains(CertificateInspector.normaliseFingerprint(fingerprint));
        }

        /** Whether the holder of {@code fingerprint} answered their challenge. */
        public boolean answeredChallenge(String fingerprint) {
            return fingerprint != null && challengeAnswered.contains(CertificateInspector.normaliseFingerprint(fingerprint));
        }
    }
}
