package org.vouchsafe.vouching;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is vouched for on one request: a requester is vouched when a counting vouch of a member or
 * veteran names them (depth 1), or a counting vouch of a vouched teammate does (one deeper). The
 * chain is recomputed from the vouches each time, so a requester counts only through an unbroken
 * chain, whatever depth was stored when a vouch was made.
 *
 * @param requesters every requester's address (lower case)
 * @param depths     the vouched requesters and their shortest chain to an eligible voucher
 */
record VouchChain(Set<String> requesters, Map<String, Integer> depths) {

    static VouchChain of(Collection<String> requesterEmails, List<Vouch> vouches) {
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
                        || voucherDepth == null || !requesters.contains(v.getRequesterEmail())) {
                    continue;
                }
                Integer current = depths.get(v.getRequesterEmail());
                if (current == null || voucherDepth + 1 < current) {
                    depths.put(v.getRequesterEmail(), voucherDepth + 1);
                    changed = true;
                }
            }
        }
        return new VouchChain(Set.copyOf(requesters), Map.copyOf(depths));
    }

    boolean isVouched(String email) {
        return depths.containsKey(VouchStatements.normalise(email));
    }

    Optional<Integer> depth(String email) {
        return Optional.ofNullable(depths.get(VouchStatements.normalise(email)));
    }

    boolean anyVouched() {
        return !depths.isEmpty();
    }

    boolean allVouched() {
        return !requesters.isEmpty() && depths.keySet().containsAll(requesters);
    }
}
