package org.vouchsafe.membership;

import java.util.Set;

/**
 * Which requesters of a request are vouched for (criterion 9), so that an approval subscribes only
 * them; implemented by the vouching feature.
 */
public interface VouchedRequesters {

    /** The vouched requesters' addresses, in lower case. */
    Set<String> vouchedEmails(String requestId);
}
