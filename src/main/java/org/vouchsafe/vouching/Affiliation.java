package org.vouchsafe.vouching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.system.Domains;

/**
 * Whether a non-member voucher is affiliated with the applicant: their declared affiliation
 * against the distro, its organization and the requesters' affiliations (names normalised), and
 * their e-mail domain against the distro's homepage and the requesters' e-mail domains.
 */
final class Affiliation {

    /** Words that do not tell organizations apart ("Example Foundation" is "Example"). */
    private static final Set<String> NOISE = Set.of("the", "inc", "incorporated", "ltd", "limited", "llc", "gmbh", "ag",
            "ev", "sa", "bv", "corp", "corporation", "co", "company", "foundation", "project", "team", "community",
            "org", "of", "and");

    /** Shared mail providers: two people using one says nothing about their employer. */
    private static final Set<String> FREEMAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "yahoo.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "pm.me", "gmx.de", "gmx.net",
            "web.de", "posteo.de", "posteo.net", "mailbox.org", "fastmail.com", "fastmail.fm", "riseup.net",
            "tutanota.com", "yandex.ru", "mail.ru", "qq.com", "163.com");


    private Affiliation() {
    }

    /**
     * The reasons the voucher is affiliated with the applicant; empty when not affiliated.
     */
    static List<String> of(String voucherEmail, String voucherAffiliation, MembershipRequest request) {
        List<String> reasons = new ArrayList<>();
        List<String> mine = tokens(voucherAffiliation);
        if (!mine.isEmpty()) {
            List<String> names = new ArrayList<>();
            names.add(request.getDistroName());
            names.add(request.getOrganization());
            request.getRequesters().stream().map(Requester::getAffiliation).forEach(names::add);
            for (String name : names) {
                List<String> theirs = tokens(name);
                if (!theirs.isEmpty() && overlaps(mine, theirs)) {
                    reasons.add("the affiliation \"" + voucherAffiliation.trim() + "\" matches \"" + name.trim() + "\"");
                    break;
                }
            }
        }
        Optional<String> domain = Domains.ofEmail(voucherEmail);
        if (domain.isPresent()) {
            Optional<String> homepage = Domains.ofUrl(request.getHomepage());
            if (homepage.equals(domain)) {
                reasons.add("the address's domain " + domain.get() + " is the distro's homepage domain");
            } else if (!FREEMAIL.contains(domain.get())) {
                request.getRequesters().stream()
                        .map(r -> Domains.ofEmail(r.getEmail()))
                        .filter(domain::equals)
                        .findFirst()
                        .ifPresent(d -> reasons.add("the address's domain " + d.get() + " is a requester's mail domain"));
            }
        }
        return reasons;
    }

    /** Normalised words of a name: no accents, case or punctuation, without noise words. */
    static List<String> tokens(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return Arrays.stream(plain.split(" ")).filter(w -> !w.isEmpty() && !NOISE.contains(w)).toList();
    }

    /** One name's words appear in order within the other's ("Red Hat" within "Red Hat Product Security"). */
    static boolean overlaps(List<String> a, List<String> b) {
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        return java.util.Collections.indexOfSubList(longer, shorter) >= 0;
    }
}
