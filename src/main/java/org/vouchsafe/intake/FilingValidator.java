package org.vouchsafe.intake;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.problem.FieldProblem;

/**
 * Checks a filing payload field by field and collects every problem at once, so an applicant
 * fixes everything in one go. Messages say what is wrong and how to fix it.
 */
@Component
public class FilingValidator {

    static final Set<String> LISTS = Set.of("distros", "linux-distros");
    static final int MAX_ANSWER = 20_000;
    /** Larger key blocks are refused unread; a feature checking keys looks only at those within it. */
    public static final int MAX_KEY_BYTES = 64 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Catalogue catalogue;
    private final List<FilingCheck> checks;

    public FilingValidator(Catalogue catalogue, List<FilingCheck> checks) {
        this.catalogue = catalogue;
        this.checks = List.copyOf(checks);
    }

    public List<FieldProblem> validate(FilingRequest filing, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (filing == null) {
            problems.add(new FieldProblem("", "The request body is empty; send the filing payload as JSON."));
            return problems;
        }
        if (filing.list() == null || !LISTS.contains(filing.list())) {
            problems.add(new FieldProblem("list", "must be \"distros\" or \"linux-distros\"."));
        }
        validateDistro(filing.distro(), today, problems);
        validateRequesters(filing.requesters(), problems);
        validateAnswers(filing.answers(), problems);
        validateEvidence(filing.evidence(), today, problems);
        validateRoles(filing.roles(), problems);
        validatePolicy(filing.policy(), problems);
        validateVouchers(filing.vouchers(), filing.requesters(), problems);
        for (FilingCheck check : checks) {
            check.validate(filing, today, problems);
        }
        return problems;
    }

    private void validateDistro(FilingRequest.Distro distro, LocalDate today, List<FieldProblem> problems) {
        if (distro == null) {
            problems.add(new FieldProblem("distro", "is required: give the distro's name, homepage, organization, "
                    + "unixLike, openSource and latestRelease."));
            return;
        }
        requireText("distro.name", distro.name(), 200, problems);
        if (distro.homepage() != null && !distro.homepage().isBlank() && !isWebUrl(distro.homepage())) {
            problems.add(new FieldProblem("distro.homepage", "must be an http(s) URL such as https://example.org."));
        }
        maxLength("distro.organization", distro.organization(), 200, problems);
        maxLength("distro.upstream", distro.upstream(), 200, problems);
        if (distro.unixLike() == null) {
            problems.add(new FieldProblem("distro.unixLike", "is required: true if the distro is a Unix-like operating system."));
        }
        if (distro.openSource() == null) {
            problems.add(new FieldProblem("distro.openSource", "is required: true if the distro makes substantial use of Open Source components."));
        }
        notInFuture("distro.latestRelease", distro.latestRelease(), today, problems);
    }

    private void validateRequesters(List<FilingRequest.RequesterInput> requesters, List<FieldProblem> problems) {
        if (requesters == null || requesters.isEmpty()) {
            problems.add(new FieldProblem("requesters", "name at least one person to subscribe, with name, email and publicKey."));
            return;
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < requesters.size(); i++) {
            String at = "requesters[" + i + "]";
            FilingRequest.RequesterInput r = requesters.get(i);
            if (r == null) {
                problems.add(new FieldProblem(at, "must be an object with name, email and publicKey."));
                continue;
            }
            requireText(at + ".name", r.name(), 200, problems);
            if (requireText(at + ".email", r.email(), 320, problems)) {
                if (!EMAIL.matcher(r.email().trim()).matches()) {
                    problems.add(new FieldProblem(at + ".email", "must be an e-mail address such as ann@example.org."));
                } else if (!emails.add(r.email().trim().toLowerCase(Locale.ROOT))) {
                    problems.add(new FieldProblem(at + ".email", "is given twice; each requester needs their own address."));
                }
            }
            maxLength(at + ".affiliation", r.affiliation(), 200, problems);
            if (r.publicKey() == null || r.publicKey().isBlank()) {
                problems.add(new FieldProblem(at + ".publicKey", "is required: paste the ASCII-armored OpenPGP public key "
                        + "(-----BEGIN PGP PUBLIC KEY BLOCK-----)."));
            } else if (r.publicKey().length() > MAX_KEY_BYTES) {
                problems.add(new FieldProblem(at + ".publicKey", "is larger than 64 KiB; export only the public key "
                        + "with `gpg --armor --export-options export-minimal --export <fingerprint>`."));
            }
        }
    }

    /** Whether {@code text} is shaped like an e-mail address (the rule every address field follows). */
    public static boolean isEmail(String text) {
        return text != null && EMAIL.matcher(text.trim()).matches();
    }

    private void validateAnswers(Map<String, String> answers, List<FieldProblem> problems) {
        if (answers == null) {
            problems.add(new FieldProblem("answers", "is required: answer each of the nine criteria, keys \"1\" to \"9\"."));
            return;
        }
        for (int n = 1; n <= 9; n++) {
            String answer = answers.get(String.valueOf(n));
            if (answer == null || answer.isBlank()) {
                problems.add(new FieldProblem("answers." + n, "answer criterion " + n + " (\""
                        + catalogue.criterion(n).title() + "\"); it must not be blank."));
            } else if (answer.length() > MAX_ANSWER) {
                problems.add(new FieldProblem("answers." + n, "is longer than " + MAX_ANSWER + " characters; shorten it and link to details."));
            }
        }
        for (String key : answers.keySet()) {
            if (!key.matches("[1-9]")) {
                problems.add(new FieldProblem("answers." + key, "is not a criterion; use the keys \"1\" to \"9\"."));
            }
        }
    }

    private void validateEvidence(FilingRequest.Evidence evidence, LocalDate today, List<FieldProblem> problems) {
        if (evidence == null) {
            return;
        }
        maxLength("evidence.userbase", evidence.userbase(), MAX_ANSWER, problems);
        maxLength("evidence.downstreamJustification", evidence.downstreamJustification(), MAX_ANSWER, problems);
        List<String> links = evidence.communityLinks();
        if (links != null) {
            for (int i = 0; i < links.size(); i++) {
                String link = links.get(i);
                if (link == null || !isWebUrl(link) || link.length() > 2000) {
                    problems.add(new FieldProblem("evidence.communityLinks[" + i + "]",
                            "must be an http(s) URL of at most 2000 characters, such as a link into the oss-security archive."));
                }
            }
        }
    }

    /** Longest title of a contribution outside the catalogue. */
    static final int MAX_ROLE_TITLE = 200;
    /** Contributions outside the catalogue in one request: enough for any real offer, not a list to flood. */
    static final int MAX_OTHER_ROLES = 10;

    private void validateRoles(List<FilingRequest.RoleInput> roles, List<FieldProblem> problems) {
        if (roles == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> otherTitles = new HashSet<>();
        int others = 0;
        for (int i = 0; i < roles.size(); i++) {
            String at = "roles[" + i + "]";
            FilingRequest.RoleInput role = roles.get(i);
            if (role == null) {
                problems.add(new FieldProblem(at, "must be an object with role (and preferably specifics)."));
                continue;
            }
            if (RoleCommitment.OTHER.equals(role.role())) {
                if (++others == MAX_OTHER_ROLES + 1) {
                    problems.add(new FieldProblem(at + ".role", "is contribution OTHER number " + others + "; offer at most "
                            + MAX_OTHER_ROLES + " contributions outside the catalogue and merge the rest."));
                }
                if (requireText(at + ".title", role.title(), MAX_ROLE_TITLE, problems)
                        && !otherTitles.add(role.title().trim().toLowerCase(Locale.ROOT))) {
                    problems.add(new FieldProblem(at + ".title", "names \"" + role.title().trim()
                            + "\" twice; list each contribution once."));
                }
            } else {
                if (role.role() == null || catalogue.role(role.role()).isEmpty()) {
                    problems.add(new FieldProblem(at + ".role", "must be a catalogue role id, T1–T5 or A1–A13 "
                            + "(see GET /api/catalogue/roles), or OTHER with a title for a contribution outside the catalogue."));
                } else if (!seen.add(role.role())) {
                    problems.add(new FieldProblem(at + ".role", "names " + role.role() + " twice; list each role once."));
                }
                if (role.title() != null) {
                    problems.add(new FieldProblem(at + ".title", "is only for role OTHER; a catalogue role takes its "
                            + "title from the catalogue, so leave title out."));
                }
            }
            // The seed asks for specifics only "preferably": optional, bounded; criterion 7 tells reviewers
            // which offers come without them.
            maxLength(at + ".specifics", role.specifics(), 4000, problems);
        }
    }

    private void validatePolicy(FilingRequest.PolicyInput policy, List<FieldProblem> problems) {
        String current = catalogue.currentPolicy().version();
        if (policy == null) {
            problems.add(new FieldProblem("policy", "is required: {\"version\": \"" + current + "\", \"accepted\": true}."));
            return;
        }
        if (!current.equals(policy.version())) {
            problems.add(new FieldProblem("policy.version", "must be the current list policy version, " + current
                    + " (GET /api/catalogue/policy)."));
        }
        if (!Boolean.TRUE.equals(policy.accepted())) {
            problems.add(new FieldProblem("policy.accepted", "must be true: members must accept the list policy (criterion 6)."));
        }
    }

    private void validateVouchers(List<FilingRequest.VoucherInput> vouchers, List<FilingRequest.RequesterInput> requesters,
                                  List<FieldProblem> problems) {
        if (vouchers == null) {
            return;
        }
        Set<String> requesterEmails = new HashSet<>();
        if (requesters != null) {
            requesters.stream().filter(r -> r != null && r.email() != null)
                    .forEach(r -> requesterEmails.add(r.email().trim().toLowerCase(Locale.ROOT)));
        }
        for (int i = 0; i < vouchers.size(); i++) {
            String at = "vouchers[" + i + "]";
            FilingRequest.VoucherInput v = vouchers.get(i);
            if (v == null) {
                problems.add(new FieldProblem(at, "must be an object with name, email and vouchesFor."));
                continue;
            }
            requireText(at + ".name", v.name(), 200, problems);
            if (requireText(at + ".email", v.email(), 320, problems) && !EMAIL.matcher(v.email().trim()).matches()) {
                problems.add(new FieldProblem(at + ".email", "must be an e-mail address."));
            }
            if (v.vouchesFor() == null || !requesterEmails.contains(v.vouchesFor().trim().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(at + ".vouchesFor", "must be the e-mail address of one of the requesters."));
            }
        }
    }

    private static boolean requireText(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required and must not be blank."));
            return false;
        }
        return maxLength(field, value, max, problems);
    }

    private static boolean maxLength(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters; shorten it."));
            return false;
        }
        return true;
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today, List<FieldProblem> problems) {
        if (date != null && date.isAfter(today)) {
            problems.add(new FieldProblem(field, "must not be in the future (" + date + " is after today, " + today + ")."));
        }
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
