package org.vouchsafe.vouching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriterionCheck;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.intake.Requester;

/**
 * C9, vouched for: PASS once a requester holds an unbroken chain to an eligible voucher, PENDING
 * while vouches are awaited, FAIL when the vouching deadline passed with nobody vouched for. The
 * reasons name who is vouched, by whom, and who is still waiting.
 */
@Component
class VouchingCriterionCheck implements CriterionCheck {

    private final VouchRepository vouches;
    private final VouchingRoundRepository rounds;
    private final VouchingProperties properties;

    VouchingCriterionCheck(VouchRepository vouches, VouchingRoundRepository rounds, VouchingProperties properties) {
        this.vouches = vouches;
        this.rounds = rounds;
        this.properties = properties;
    }

    @Override
    public int criterion() {
        return 9;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        List<Vouch> all = request.getId() == null ? List.of() : vouches.findByRequestIdOrderByRecordedAt(request.getId());
        List<String> emails = request.getRequesters().stream().map(Requester::getEmail).toList();
        VouchChain chain = VouchChain.of(emails, all);
        List<String> reasons = new ArrayList<>();
        for (Requester r : request.getRequesters()) {
            Optional<Integer> depth = chain.depth(r.getEmail());
            if (depth.isPresent()) {
                reasons.add(r.getName() + " <" + r.getEmail() + "> is vouched for (chain depth " + depth.get() + ") by "
                        + describe(all, r.getEmail()) + ".");
            }
        }
        all.stream().filter(v -> v.getStatus() == VouchStatus.AWAITING_CONFIRMATION)
                .forEach(v -> reasons.add(v.getVoucherName() + " vouches for " + v.getRequesterEmail() + " as a long-time "
                        + "oss-security participant since " + v.getFirstActivity() + "; a list admin has yet to confirm "
                        + "the evidence."));
        List<String> waiting = request.getRequesters().stream().filter(r -> !chain.isVouched(r.getEmail()))
                .map(r -> r.getName() + " <" + r.getEmail() + ">").toList();
        if (chain.anyVouched()) {
            if (!waiting.isEmpty()) {
                reasons.add("Not vouched for yet, so not subscribed on approval unless vouched: " + String.join(", ", waiting)
                        + "; a vouched teammate can vouch for them.");
            }
            return new CheckResult(CheckOutcome.PASS, reasons);
        }
        Optional<VouchingRound> round = request.getId() == null ? Optional.empty() : rounds.findById(request.getId());
        if (round.isPresent() && round.get().deadlinePassed()) {
            reasons.add("The vouching deadline passed on " + round.get().getDeadlineAt() + " and no requester is vouched "
                    + "for by a list member or a confirmed long-time oss-security participant.");
            return new CheckResult(CheckOutcome.FAIL, reasons);
        }
        if (request.getVouchers().isEmpty()) {
            reasons.add("No voucher is named. Name a list member, or someone active on oss-security for at least "
                    + properties.veteranMinYears() + " years who is not affiliated with the distro nor its organization, "
                    + "willing to vouch for one of the requesters.");
        } else {
            for (NamedVoucher v : request.getVouchers()) {
                reasons.add("Waiting for " + v.getName() + " <" + v.getEmail() + "> to vouch for " + v.getVouchesFor()
                        + " with a signed statement.");
            }
        }
        round.ifPresent(r -> reasons.add("Vouching closes on " + r.getDeadlineAt() + "."));
        return new CheckResult(CheckOutcome.PENDING, reasons);
    }

    private static String describe(List<Vouch> all, String requesterEmail) {
        String wanted = VouchStatements.normalise(requesterEmail);
        return all.stream().filter(v -> v.getStatus() == VouchStatus.COUNTING && v.getRequesterEmail().equals(wanted))
                .map(v -> v.getVoucherName() + " (" + v.getBranch().name().toLowerCase(java.util.Locale.ROOT) + ", "
                        + v.getStrength() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("a vouched teammate");
    }
}
