package org.vouchsafe.membership;

import java.time.Instant;

/**
 * The last subscribed person of a member distro left: the distro is still a member, without
 * people. Published in the transaction of that departure; the list admins are told.
 */
public record DistroWithoutPeople(String distroId, String distro, Instant at) {
}
