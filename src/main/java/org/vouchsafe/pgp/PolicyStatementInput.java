package org.vouchsafe.pgp;

import java.time.LocalDate;

/**
 * What the policy statement a requester signs is made of: the header fields; the policy text
 * itself comes from the catalogue by {@code policyVersion}.
 *
 * @param policyVersion the list policy version accepted, e.g. {@code 2017-06-28}
 * @param list          the list the request is for, e.g. {@code linux-distros}
 * @param distroName    the distro the requester acts for
 * @param requestId     the membership request
 * @param personName    the requester's name
 * @param email         the requester's address
 * @param fingerprint   full fingerprint of the requester's key
 * @param date          the day the statement was issued (the filing day, so that it is the same text every time)
 */
public record PolicyStatementInput(String policyVersion, String list, String distroName, String requestId,
        String personName, String email, String fingerprint, LocalDate date) {
}
