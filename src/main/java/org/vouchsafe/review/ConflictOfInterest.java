package org.vouchsafe.review;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/**
 * Decides whether a reviewer is too close to an applicant to judge it: same distro, same
 * organization (compared after normalising case, punctuation and legal suffixes), or an
 * e-mail address in the distro's homepage domain.
 */
@Component
public class ConflictOfInterest {

    public boolean conflicted(ReviewerProfile reviewer, MembershipRequest request) {
        if (reviewer == null) {
            return false;
        }
        String distro = normalise(request.getDistroName());
        String organization = normalise(request.getOrganization());
        boolean byName = Stream.of(normalise(reviewer.getDistro()), normalise(reviewer.getOrganization()))
                .filter(Objects::nonNull)
                .anyMatch(affiliation -> affiliation.equals(distro) || affiliation.equals(organization));
        return byName || sameDomain(reviewer.getEmail(), request.getHomepage());
    }

    /** Lower case, letters and digits only, without common legal-form suffixes. */
    static String normalise(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ")
                .replaceAll("\\b(inc|ltd|llc|gmbh|e v|ev|foundation|project|the)\\b", " ")
                .replaceAll("\\s+", "");
        return n.isEmpty() ? null : n;
    }

    static boolean sameDomain(String email, String homepage) {
        if (email == null || homepage == null || !email.contains("@")) {
            return false;
        }
        try {
            String host = URI.create(homepage.trim()).getHost();
            if (host == null) {
                return false;
            }
            String site = registrable(host);
            String mail = registrable(email.substring(email.indexOf('@') + 1));
            return site.equals(mail);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Second-level labels under which country registries hand out names (example.co.uk, example.com.au). */
    private static final java.util.Set<String> SECOND_LEVEL = java.util.Set.of("co", "com", "org", "net", "ac", "gov",
            "edu", "or", "ne", "go", "gen", "ltd", "plc", "sch", "nic");

    /**
     * The registrable part of a host name: www.example.org and lists.example.org are one site,
     * and so are www.example.co.uk and mail.example.co.uk, but example.co.uk and other.co.uk are not.
     */
    static String registrable(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        int n = labels.length;
        if (n <= 2) {
            return String.join(".", labels);
        }
        boolean countrySecondLevel = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
        int keep = countrySecondLevel ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }
}
