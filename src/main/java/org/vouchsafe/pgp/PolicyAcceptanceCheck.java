package org.vouchsafe.pgp;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriterionCheck;
import org.vouchsafe.intake.FilingRequest;

/**
 * C6: accepts the current list policy. Ticking "accepted" in the filing is necessary (FAIL
 * without it) but not enough: each requester also signs the statement of the current version (the
 * policy text itself under a short header) with their key, so the check is PENDING until every one
 * has, then PASS naming, per requester, the version and the SHA-256 of the text signed. A signature
 * over the earlier paraphrase of the policy does not count. A request that is not stored (the
 * self-assessment) cannot have signatures yet and is PENDING at best.
 */
@Component
class PolicyAcceptanceCheck implements CriterionCheck {

    private final Catalogue catalogue;
    private final PolicyAcceptanceService acceptance;

    PolicyAcceptanceCheck(Catalogue catalogue, PolicyAcceptanceService acceptance) {
        this.catalogue = catalogue;
        this.acceptance = acceptance;
    }

    @Override
    public int criterion() {
        return 6;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        return check(request, true);
    }

    /** A payload not stored has no signatures yet. */
    @Override
    public CheckResult checkPayload(MembershipRequest request, FilingRequest filing, LocalDate today) {
        return check(request, false);
    }

    private CheckResult check(MembershipRequest request, boolean stored) {
        String current = catalogue.currentPolicy().version();
        if (!request.isPolicyAccepted() || !current.equals(request.getPolicyVersion())) {
            return CheckResult.fail("The current list policy (version " + current + ") is not accepted; "
                    + "read GET /api/catalogue/policy and accept that version.");
        }
        if (!stored) {
            return CheckResult.pending("The current list policy (version " + current + ") is accepted. After filing, "
                    + "each requester signs the policy statement with their key (GET /api/catalogue/policy/statement).");
        }
        PolicyAcceptanceService.Acceptances signed = acceptance.acceptances(request.getId(), current);
        List<String> missing = request.getRequesters().stream()
                .filter(r -> r.getFingerprint() == null || !signed.signed().containsKey(r.getFingerprint()))
                .map(r -> statementMissing(request, r, current, signed.paraphraseOnly().contains(r.getFingerprint())))
                .toList();
        if (!missing.isEmpty()) {
            return new CheckResult(CheckOutcome.PENDING, missing);
        }
        return new CheckResult(CheckOutcome.PASS, request.getRequesters().stream()
                .map(r -> r.getName() + " <" + r.getEmail() + "> signed the statement accepting policy version " + current
                        + " with key " + r.getFingerprint() + "; SHA-256 of the signed text: "
                        + signed.signed().get(r.getFingerprint()) + ".")
                .toList());
    }

    private static String statementMissing(MembershipRequest request, Requester r, String version,
                                           boolean paraphraseOnly) {
        return r.getName() + " <" + r.getEmail() + "> has not yet signed the statement accepting policy version "
                + version + (paraphraseOnly ? " (they signed an earlier statement that summarised the policy instead "
                + "of quoting it, which does not count)" : "") + ": fetch it (GET /api/catalogue/policy/statement?request="
                + request.getId() + "&requester=" + r.getFingerprint() + "), sign it (gpg --armor --detach-sign) and "
                + "POST the signature to /api/requests/" + request.getId() + "/policy-signatures.";
    }
}
