package org.vouchsafe.vouching;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.vouchsafe.membership.VouchedRequesters;

/** Tells the roster who is vouched for: the requesters with an unbroken chain to an eligible voucher. */
@Component
class VouchedRequestersAdapter implements VouchedRequesters {

    private final VouchService vouches;

    VouchedRequestersAdapter(VouchService vouches) {
        this.vouches = vouches;
    }

    @Override
    public Set<String> vouchedEmails(String requestId) {
        return Set.copyOf(vouches.chain(requestId).depths().keySet());
    }
}
