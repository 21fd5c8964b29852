package org.vouchsafe.system;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which organization a mail address or web site belongs to, as far as its domain tells:
 * www.example.org and lists.example.org are one site, and so are www.example.co.uk and
 * mail.example.co.uk, but example.co.uk and other.co.uk are not. Used wherever affiliation is
 * judged (reviewers' conflicts of interest, non-member vouchers).
 */
public final class Domains {

    /** Second-level labels under which country registries hand out names (example.co.uk, example.com.au). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "ac", "gov", "edu", "or", "ne",
            "go", "gen", "ltd", "plc", "sch", "nic");

    private Domains() {
    }

    /** The registrable domain of a mail address. */
    public static Optional<String> ofEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? Optional.empty() : registrable(email.substring(at + 1).trim());
    }

    /** The registrable domain of a web site's URL. */
    public static Optional<String> ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return registrable(URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The last two labels of a host name, or three under a country's second-level label. */
    public static Optional<String> registrable(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String[] labels = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "").split("\\.");
        int n = labels.length;
        if (n < 2) {
            return Optional.empty();
        }
        int keep = n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]) ? 3 : 2;
        return Optional.of(String.join(".", Arrays.copyOfRange(labels, n - keep, n)));
    }
}
