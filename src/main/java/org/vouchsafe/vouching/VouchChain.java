package org.vouchsafe.vouching;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is vouched for on one request. Criterion 9 of the seed: a member, or someone active on
 * oss-security for years and unaffiliated, vouches for at least one requester (depth 1); "that one
 * vouched-for person will be able to vouch for others on your team" (depth 2). How far teammates may
 * pass it on is {@code vouchsafe.vouching.teammate-depth}: a vouched requester may vouch for a
 * teammate only while their own depth is at most that setting (1, the seed's one hop: only people
 * vouched for by a member or veteran; 0: no teammate vouching; 2: one hop more). The chain is
 * recomputed from the vouches and the current setting each time, so a requester counts only through
 * an unbroken chain within the depth, whatever depth was stored when a vouch was made.
 *
 * @param requesters    every requester's address (lower case)
 * @param depths        the vouched requesters and their shortest chain to an eligible voucher
 * @param teammateDepth the deepest place in the chain from which a requester may still vouch for teammates
 */
record VouchChain(Set<String> requesters, Map<String, Integer> depths, int teammateDepth) {

    static VouchChain of(Collection<String> requesterEmails, List<Vouch> vouches, int teammateDepth) {
        Set<String> requesters = requesterEmails.stream().map(VouchStatements::normalise)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (Vouch v : vouches) {
            if (v.getStatus() == VouchStatus.COUNTING && v.getBranch() != VoucherBranch.TEAMMATE
                    && requesters.contains(v.getRequesterEmail())) {
                depths.put(v.getRequesterEmail(), 1);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Vouch v : vouches) {
                Integer voucherDepth = depths.get(v.getVoucherEmail());
                if (v.getStatus() != VouchStatus.COUNTING || v.getBranch() != VoucherBranch.TEAMMATE
                        || voucherDepth == null || voucherDepth > teammateDepth
                        || !requesters.contains(v.getRequesterEmail())) {
                    continue;
                }
                Integer current = depths.get(v.getRequesterEmail());
                if (current == null || voucherDepth + 1 < current) {
                    depths.put(v.getRequesterEmail(), voucherDepth + 1);
                    changed = true;
                }
            }
        }
        return new VouchChain(Set.copyOf(requesters), Map.copyOf(depths), teammateDepth);
    }

    boolean isVouched(String email) {
        return depths.containsKey(VouchStatements.normalise(email));
    }

    Optional<Integer> depth(String email) {
        return Optional.ofNullable(depths.get(VouchStatements.normalise(email)));
    }

    /** Whether this requester is vouched for close enough to a member or veteran to vouch for teammates. */
    boolean mayVouchForTeammates(String email) {
        return depth(email).map(d -> d <= teammateDepth).orElse(false);
    }

    /** Whether a vouch carries the chain: counting, and a teammate's only from within the teammate depth. */
    boolean carries(Vouch v) {
        return v.getStatus() == VouchStatus.COUNTING
                && (v.getBranch() != VoucherBranch.TEAMMATE || mayVouchForTeammates(v.getVoucherEmail()));
    }

    boolean anyVouched() {
        return !depths.isEmpty();
    }

    boolean allVouched() {
        return !requesters.isEmpty() && depths.keySet().containsAll(requesters);
    }
}
