package org.vouchsafe.incidents;

import java.util.Optional;

/**
 * Which member distro a signed-in person belongs to. A port: the feature that keeps members'
 * accounts implements it (wired by the application); without an implementation nobody is a member
 * of any distro ({@link #NOBODY}), so members see and report nothing until one is wired.
 */
public interface MemberDirectory {

    /** Finds no one. */
    MemberDirectory NOBODY = username -> Optional.empty();

    /** The distro id (slug of the distro's name) of the member signed in as {@code username}, if any. */
    Optional<String> distroIdOf(String username);
}
