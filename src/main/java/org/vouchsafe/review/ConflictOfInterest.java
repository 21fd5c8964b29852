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

    /** The last two labels of a host name: www.example.org and lists.example.org are one site. */
    private static String registrable(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length <= 2 ? String.join(".", labels) : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
