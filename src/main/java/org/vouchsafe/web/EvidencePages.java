package org.vouchsafe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.pgp.Challenge;
import org.vouchsafe.pgp.ChallengeService;
import org.vouchsafe.pgp.ChallengeStatus;
import org.vouchsafe.pgp.PolicyAcceptanceService;
import org.vouchsafe.pgp.RequestPolicySignatures;
import org.vouchsafe.vouching.VouchService;
import org.vouchsafe.vouching.VouchesView;

/**
 * Keys, challenges, policy signatures and the vouch chain on the pages: the dossier's sections,
 * the chain graph on the pages' (session) chain, and the applicant's to-do list with the exact
 * text to decrypt or sign. The same services as the REST API.
 */
@Controller
class EvidencePages {

    private final VouchService vouches;
    private final RequestAccess access;
    private final RequestPolicySignatures policySignatures;

    EvidencePages(VouchService vouches, RequestAccess access, RequestPolicySignatures policySignatures) {
        this.vouches = vouches;
        this.access = access;
        this.policySignatures = policySignatures;
    }

    @GetMapping(path = "/requests/{id}/vouches.svg", produces = "image/svg+xml")
    @ResponseBody
    @Transactional(readOnly = true)
    String chain(@PathVariable String id, Authentication user) {
        access.readable(id, user);
        return vouches.svg(id);
    }

    /**
     * The exact text a requester signed to accept the current policy, for the dossier's link: plain
     * text (never rendered as HTML, and {@code nosniff} is sent), byte for byte as signed.
     */
    @GetMapping(path = "/requests/{id}/policy-signatures/{fingerprint}", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String signedPolicyStatement(@PathVariable String id, @PathVariable String fingerprint, Authentication user) {
        return policySignatures.signed(id, fingerprint, null, user).getSignedText();
    }

    /** What a requester still has to do with their key: the challenge to decrypt, the statement to sign. */
    record KeyTask(String name, String email, String fingerprint, String challenge, String challengeStatus,
                   String statement) {
    }

    /** The applicant's key tasks, for the portal's "what you need to do next". */
    @Component
    static class KeyTasks {

        private final Requests requests;
        private final ChallengeService challenges;
        private final PolicyAcceptanceService acceptance;
        private final RequestPolicySignatures signatures;
        private final Catalogue catalogue;

        KeyTasks(Requests requests, ChallengeService challenges, PolicyAcceptanceService acceptance,
                 RequestPolicySignatures signatures, Catalogue catalogue) {
            this.requests = requests;
            this.challenges = challenges;
            this.acceptance = acceptance;
            this.signatures = signatures;
            this.catalogue = catalogue;
        }

        @Transactional(readOnly = true)
        List<KeyTask> of(String requestId, Authentication user) {
            MembershipRequest request = requests.find(requestId).orElseThrow();
            if (request.getStatus().isClosed()) {
                return List.of();
            }
            Map<String, Challenge> byFingerprint = challenges.list(requestId).stream()
                    .collect(Collectors.toMap(Challenge::getFingerprint, Function.identity(), (a, b) -> a));
            Set<String> signed = acceptance.signedFingerprints(requestId, catalogue.currentPolicy().version());
            List<KeyTask> tasks = new ArrayList<>();
            for (Requester r : request.getRequesters()) {
                if (r.getFingerprint() == null) {
                    continue;
                }
                Challenge c = byFingerprint.get(r.getFingerprint());
                String challenge = c != null && c.getStatus() == ChallengeStatus.OPEN ? c.getArmoredMessage() : null;
                String statement = signed.contains(r.getFingerprint()) ? null
                        : signatures.statement(requestId, r.getFingerprint(), user);
                if (challenge != null || statement != null) {
                    tasks.add(new KeyTask(r.getName(), r.getEmail(), r.getFingerprint(), challenge,
                            c == null ? "not issued yet" : c.getStatus().name(), statement));
                }
            }
            return tasks;
        }
    }

    /** Key fingerprints, challenge status and policy signatures per requester, for reviewers. */
    @Component
    static class KeySection implements DossierSections {

        private final Requests requests;
        private final ChallengeService challenges;
        private final PolicyAcceptanceService acceptance;
        private final Catalogue catalogue;

        KeySection(Requests requests, ChallengeService challenges, PolicyAcceptanceService acceptance,
                   Catalogue catalogue) {
            this.requests = requests;
            this.challenges = challenges;
            this.acceptance = acceptance;
            this.catalogue = catalogue;
        }

        @Override
        @Transactional(readOnly = true)
        public List<DossierSection> sections(String requestId) {
            MembershipRequest request = requests.find(requestId).orElse(null);
            if (request == null) {
                return List.of();
            }
            Map<String, Challenge> byFingerprint = challenges.list(requestId).stream()
                    .collect(Collectors.toMap(Challenge::getFingerprint, Function.identity(), (a, b) -> a));
            String version = catalogue.currentPolicy().version();
            Map<String, String> signed = acceptance.acceptances(requestId, version).signed();
            List<DossierSection.Fact> facts = new ArrayList<>();
            for (Requester r : request.getRequesters()) {
                Challenge c = r.getFingerprint() == null ? null : byFingerprint.get(r.getFingerprint());
                String challenge = c == null ? "challenge not issued yet"
                        : "challenge " + c.getStatus() + (c.getWrongAnswers() > 0 ? " (" + c.getWrongAnswers() + " wrong answers)" : "");
                String hash = r.getFingerprint() == null ? null : signed.get(r.getFingerprint());
                facts.add(new DossierSection.Fact(r.getName() + " <" + r.getEmail() + ">",
                        "key " + (r.getFingerprint() == null ? "not parsed" : r.getFingerprint()) + "; " + challenge
                                + "; policy " + version + (hash != null ? " signed, SHA-256 of the signed text " + hash
                                : " not signed yet"),
                        hash == null ? null : "/requests/" + requestId + "/policy-signatures/" + r.getFingerprint()));
            }
            return List.of(new DossierSection("Keys, encrypted challenges and policy signatures (criteria 8 and 6)",
                    "Each requester proves they read encrypted mail by answering a challenge encrypted to their key, "
                            + "and signs the policy statement, the policy's full text under a short header, with it.",
                    null, null, facts, 20));
        }
    }

    /** The vouch chain as a graph, with each vouch's branch, strength and status. */
    @Component
    static class VouchSection implements DossierSections {

        private final VouchService vouches;

        VouchSection(VouchService vouches) {
            this.vouches = vouches;
        }

        @Override
        @Transactional(readOnly = true)
        public List<DossierSection> sections(String requestId) {
            VouchesView view = vouches.view(requestId);
            List<DossierSection.Fact> facts = new ArrayList<>();
            for (VouchesView.VouchView v : view.vouches()) {
                facts.add(new DossierSection.Fact(v.voucher().name() + " <" + v.voucher().email() + "> → " + v.requester(),
                        v.branch() + ", " + v.strength() + ", " + v.status() + ", depth " + v.depth()
                                + (v.comment() == null ? "" : ": " + v.comment())));
            }
            for (VouchesView.RequesterView r : view.requesters()) {
                if (!r.vouched()) {
                    facts.add(new DossierSection.Fact(r.name() + " <" + r.email() + ">", "not vouched for yet"));
                }
            }
            return List.of(new DossierSection("Vouching chain (criterion 9)",
                    "Vouchers → requesters → teammates; only requesters with an unbroken chain to an eligible voucher "
                            + "are subscribed on approval.",
                    "/requests/" + requestId + "/vouches.svg", "Graph of vouchers and the requesters they vouch for",
                    facts, 30));
        }
    }
}
