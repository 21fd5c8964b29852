package org.vouchsafe.membership;

import java.util.Optional;

/**
 * Which roster entry a signed-in account belongs to, and back. Implemented where the members'
 * accounts live; the roster only asks.
 */
public interface RosterAccounts {

    /** The roster entry ({@link Member#getId()}) of the account {@code username}, if it is a member's. */
    Optional<String> memberIdOf(String username);

    /** The account of a roster entry, if the person has one. */
    Optional<String> usernameOf(String memberId);
}
