package org.vouchsafe.membership;

import java.util.Locale;

/**
 * A member distro's id: the slug of its name (lower case, every run of characters outside
 * {@code [a-z0-9]} one {@code -}, no {@code -} at either end), so "Example Linux" is
 * {@code example-linux}. It names the distro in {@code /api/members/{distroId}} and its Camunda
 * group {@code distro-{distroId}}.
 */
public final class DistroIds {

    private DistroIds() {
    }

    public static String of(String distroName) {
        if (distroName == null) {
            return null;
        }
        String slug = distroName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
