package org.vouchsafe.review;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.system.Domains;

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
        Optional<String> mail = Domains.ofEmail(email);
        return mail.isPresent() && mail.equals(Domains.ofUrl(homepage));
    }
}
