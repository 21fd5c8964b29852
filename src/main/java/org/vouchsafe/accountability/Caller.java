package org.vouchsafe.accountability;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.vouchsafe.system.Roles;

/**
 * Who calls, as far as accountability cares: a list admin, a member, and the distros whose group
 * they are in ({@code distro-{distroId}}). Made from the caller's authorities (their groups).
 */
public record Caller(String username, boolean admin, boolean member, Set<String> distroIds) {

    public static Caller of(String username, Collection<String> authorities) {
        Set<String> distros = authorities.stream().filter(a -> a.startsWith(Roles.DISTRO_GROUP_PREFIX))
                .map(a -> a.substring(Roles.DISTRO_GROUP_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
        return new Caller(username, authorities.contains(Roles.LIST_ADMINS), authorities.contains(Roles.MEMBERS), distros);
    }

    /** One of the people of that distro. */
    public boolean of(String distroId) {
        return distroIds.contains(distroId);
    }
}
