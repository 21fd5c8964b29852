package org.vouchsafe.members;

import java.util.Locale;
import java.util.function.Predicate;

import org.vouchsafe.system.PersonalAccounts;

/**
 * A member's user id, from their address: {@code Ann.Example@example.org} becomes
 * {@code ann-example-example-org}. Only letters, digits and single inner hyphens, so Camunda's
 * webapps accept it (their resource whitelist); a number is added when the id is taken.
 */
final class Usernames {

    /** Room for a "-NN" suffix within Camunda's 64 characters. */
    private static final int MAX_BASE = PersonalAccounts.MAX_USERNAME - 4;

    private Usernames() {
    }

    static String base(String email) {
        String slug = email.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "member" : slug;
    }

    /** The base, or the base with the first number from 2 on that {@code taken} does not hold. */
    static String unique(String email, Predicate<String> taken) {
        String base = base(email);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; n < 1000; n++) {
            String candidate = base + "-" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free user id for " + base);
    }
}
