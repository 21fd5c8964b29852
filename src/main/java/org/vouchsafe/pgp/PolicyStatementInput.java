package org.vouchsafe.pgp;

import java.time.LocalDate;

/**
 * What the policy statement a requester signs is made of.
 *
 * @param policyVersion the list policy version accepted, e.g. {@code 2017-06-28}
 * @param distroName    the distro the requester acts for
 * @param requestId     the membership request
 * @param personName    the requester's name
 * @param email         the requester's address
 * @param fingerprint   full fingerprint of the requester's key
 * @param date          the day the statement was issued
 */
public record PolicyStatementInput(String policyVersion, String distroName, String requestId, String personName,
        String email, String fingerprint, LocalDate date) {
}
