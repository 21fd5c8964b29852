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
 * C9, vouched for: PASS once a requester holds an unbroken chain to an eligible voucher (teammates
 * passing it on only within {@code vouchsafe.vouching.teammate-depth}), PENDING
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
        int teammateDepth = properties.teammateDepth();
        VouchChain chain = VouchChain.of(emails, all, teammateDepth);
        List<String> reasons = new ArrayList<>();
        for (Requester r : request.getRequesters()) {
            Optional<Integer> depth = chain.depth(r.getEmail());
            if (depth.isPresent()) {
                reasons.add(r.getName() + " <" + r.getEmail() + "> is vouched for (chain depth " + depth.get() + ") by "
                        + describe(all, chain, r.getEmail()) + ".");
            }
        }
        all.stream().filter(v -> v.getStatus() == VouchStatus.COUNTING && !chain.carries(v))
                .forEach(v -> reasons.add(v.getVoucherName() + " <" + v.getVoucherEmail() + "> vouches for "
                        + v.getRequesterEmail() + " as a teammate, which does not count: "
                        + (teammateDepth == 0 ? "teammates do not vouch for each other on this list"
                        : "the voucher is " + chain.depth(v.getVoucherEmail()).map(d -> "at chain depth " + d)
                                .orElse("not vouched for") + ", and only someone within " + teammateDepth
                                + (teammateDepth == 1 ? " hop" : " hops") + " of a member or veteran vouches for teammates")
                        + "."));
        all.stream().filter(v -> v.getStatus() == VouchStatus.AWAITING_CONFIRMATION)
                .forEach(v -> reasons.add(v.getVoucherName() + " vouches for " + v.getRequesterEmail() + " as a long-time "
                        + "oss-security participant since " + v.getFirstActivity() + "; a list admin has yet to confirm "
                        + "the evidence."));
        List<String> waiting = request.getRequesters().stream().filter(r -> !chain.isVouched(r.getEmail()))
                .map(r -> r.getName() + " <" + r.getEmail() + ">").toList();
        if (chain.anyVouched()) {
            if (!waiting.isEmpty()) {
                List<String> mayVouch = request.getRequesters().stream().filter(r -> chain.mayVouchForTeammates(r.getEmail()))
                        .map(r -> r.getName() + " <" + r.getEmail() + ">").toList();
                reasons.add("Not vouched for yet, so not subscribed on approval unless vouched: " + String.join(", ", waiting)
                        + (mayVouch.isEmpty() ? "; a list member or a confirmed long-time oss-security participant must "
                        + "vouch for them (teammate depth " + teammateDepth + ")."
                        : "; " + String.join(", ", mayVouch) + " may vouch for them as a teammate (teammate depth "
                        + teammateDepth + ")."));
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

    private static String describe(List<Vouch> all, VouchChain chain, String requesterEmail) {
        String wanted = VouchStatements.normalise(requesterEmail);
        return all.stream().filter(v -> chain.carries(v) && v.getRequesterEmail().equals(wanted))
                .map(v -> v.getVoucherName() + " (" + v.getBranch().name().toLowerCase(java.util.Locale.ROOT) + ", "
                        + v.getStrength() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("a vouched teammate");
    }
}
