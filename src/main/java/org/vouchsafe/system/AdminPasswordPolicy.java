package org.vouchsafe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an admin password configured for a non-demo start must be: at least 12 characters, not
 * a well-known default (also not with digits or punctuation added), not made of a handful of
 * characters repeated, and not the username.
 */
final class AdminPasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final int MIN_DISTINCT = 5;
    /** Defaults and first guesses; compared after removing digits, punctuation and case. */
    private static final Set<String> DENIED = Set.of("demo", "password", "passwort", "changeme", "admin",
            "administrator", "secret", "letmein", "welcome", "qwerty", "camunda", "vouchsafe", "default", "test");

    private AdminPasswordPolicy() {
    }

    /** The reasons the password is not acceptable; empty if it is. */
    static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isBlank()) {
            problems.add("it is not set");
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("it is shorter than " + MIN_LENGTH + " characters");
        }
        String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (DENIED.contains(letters) || DENIED.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("it is a well-known default password");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            problems.add("it repeats fewer than " + MIN_DISTINCT + " different characters");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            problems.add("it equals the username");
        }
        return problems;
    }
}
