package org.vouchsafe.criteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

/**
 * One request, one distro: the list asks for "one thread per distro wanting to join", and admits
 * distros, not organisations. This signal tells reviewers when a request appears to speak for more
 * than one distro or for an organisation: several distro names in the name, a company's name as
 * the distro's, requesters' addresses spread over unrelated organisations, or several affiliations
 * none of which is the distro's. It never fails or routes a request: a person judges.
 */
@Component
public class OneDistroSignal {

    public static final String NAME = "ONE_DISTRO";

    /** "X and Y", "X & Y", "X + Y", "X / Y" (spaced: "GNU/Linux" is one name), "X, Y", "X; Y". */
    private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:and|&|\\+|/)\\s+|\\s*[,;]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Second-level labels under which organisations register (example.co.uk, example.com.au). */
    private static final Set<String> SECOND_LEVELS = Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or");

    private final CriteriaProperties.OneDistro settings;

    public OneDistroSignal(CriteriaProperties settings) {
        this.settings = settings.oneDistro();
    }

    /** The signal with its reasons, or empty when the request looks like one distro's. */
    public Optional<Signal> of(MembershipRequest request) {
        List<String> reasons = new ArrayList<>();
        severalNames(request.getDistroName()).ifPresent(reasons::add);
        organisationName(request.getDistroName()).ifPresent(reasons::add);
        spreadAddresses(request).ifPresent(reasons::add);
        spreadAffiliations(request).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        reasons.add("The list asks for one request (one oss-security thread) per distro: reviewers check that this "
                + "request speaks for one distro only.");
        return Optional.of(new Signal(NAME, CheckOutcome.CONCERN.name(), reasons));
    }

    private Optional<String> severalNames(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = SEPARATORS.splitAsStream(name.trim())
                .map(String::trim)
                .filter(part -> !part.isEmpty() && !isOrganisationWord(part))
                .toList();
        if (parts.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("The distro name \"" + name.trim() + "\" seems to name " + parts.size() + " distros ("
                + String.join("; ", parts) + ").");
    }

    private Optional<String> organisationName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return words(name).stream().filter(this::isOrganisationWord).findFirst()
                .map(word -> "The distro name \"" + name.trim() + "\" reads like an organisation's (\"" + word
                        + "\"); the list admits distros: name the distro, and the organization in its own field.");
    }

    private Optional<String> spreadAddresses(MembershipRequest request) {
        Set<String> organisations = new LinkedHashSet<>();
        for (Requester requester : request.getRequesters()) {
            String domain = domainOf(requester.getEmail());
            if (domain != null && !settings.personalMailDomains().contains(domain)) {
                organisations.add(organisation(domain));
            }
        }
        String home = homeOrganisation(request.getHomepage());
        boolean noneAtHome = home != null && !organisations.contains(home);
        if (organisations.size() >= settings.emailDomains() || (organisations.size() >= 2 && noneAtHome)) {
            return Optional.of("The requesters' addresses are at " + organisations.size() + " different organisations ("
                    + String.join(", ", organisations) + ")" + (home == null ? "" : noneAtHome
                    ? ", none of them the homepage's (" + home + ")" : ", besides the homepage's (" + home + ")") + ".");
        }
        return Optional.empty();
    }

    private Optional<String> spreadAffiliations(MembershipRequest request) {
        String distro = normalised(request.getDistroName());
        String organization = normalised(request.getOrganization());
        Set<String> foreign = new LinkedHashSet<>();
        for (Requester requester : request.getRequesters()) {
            String affiliation = normalised(requester.getAffiliation());
            if (affiliation.isEmpty() || related(affiliation, distro) || related(affiliation, organization)) {
                continue;
            }
            foreign.add(requester.getAffiliation().trim());
        }
        if (foreign.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("The requesters name " + foreign.size() + " affiliations that are neither the distro nor "
                + "its organization (" + String.join("; ", foreign) + ").");
    }

    private boolean isOrganisationWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String bare = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
        return settings.organisationWords().stream()
                .anyMatch(o -> o.equals(w) || o.equals(bare) || (o.endsWith(".") && o.substring(0, o.length() - 1).equals(bare)));
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("[\\s,;()]+"));
    }

    /** The part of a domain an organisation registers: example.org for lists.example.org. */
    static String organisation(String domain) {
        String[] labels = domain.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVELS.contains(labels[labels.length - 2]) ? 3 : 2;
        if (labels.length <= keep) {
            return domain;
        }
        return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    private static String domainOf(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    private static String homeOrganisation(String homepage) {
        if (homepage == null) {
            return null;
        }
        try {
            String host = java.net.URI.create(homepage.trim()).getHost();
            return host == null ? null : organisation(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalised(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "Example Foundation" and "The Example Foundation e.V." are the same organisation for this purpose. */
    private static boolean related(String a, String b) {
        return !b.isEmpty() && (a.contains(b) || b.contains(a));
    }
}
