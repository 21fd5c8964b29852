package org.vouchsafe.readmodel;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Criterion;
import org.vouchsafe.criteria.RequestCriterion;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.intake.RoleCommitment;

/**
 * Renders a request as the plain-text posting a distro would send to oss-security today,
 * so the public thread and the structured request say the same thing.
 */
@Component
public class ThreadRenderer {

    private static final int WIDTH = 72;

    private final Catalogue catalogue;

    public ThreadRenderer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A vouch made on the request, as the thread shows it.
     *
     * @param awaitingConfirmation a veteran's vouch whose evidence a list admin has yet to confirm
     */
    public record MadeVouch(String voucherName, String voucherEmail, String requesterEmail, boolean awaitingConfirmation) {
    }

    /** The thread of a request on which nobody has vouched yet. */
    public String render(MembershipRequest request, List<RequestCriterion> answers) {
        return render(request, answers, List.of());
    }

    /**
     * The thread; {@code vouches} are the vouches made so far (not those a list admin found
     * unconvincing). A named voucher is listed as named until they vouched: the thread must not
     * claim a vouch nobody has given.
     */
    public String render(MembershipRequest request, List<RequestCriterion> answers, List<MadeVouch> vouches) {
        StringBuilder out = new StringBuilder();
        out.append("Subject: [oss-security] ").append(request.getList()).append(" membership request: ")
                .append(request.getDistroName()).append("\n\n");
        out.append("Hi,\n\n");
        StringBuilder intro = new StringBuilder();
        intro.append(request.getDistroName());
        if (request.getHomepage() != null) {
            intro.append(" (").append(request.getHomepage()).append(")");
        }
        if (request.getOrganization() != null) {
            intro.append(", maintained by ").append(request.getOrganization()).append(",");
        }
        intro.append(" asks to join the ").append(request.getList()).append(" list. Our answers to the membership criteria follow.");
        out.append(wrap(intro.toString(), "")).append("\n");
        for (RequestCriterion answer : answers) {
            Criterion criterion = catalogue.criterion(answer.getNumber());
            out.append("\n").append(criterion.number()).append(". ").append(criterion.title()).append("\n\n");
            for (String paragraph : answer.getAnswer().split("\\R\\s*\\R")) {
                out.append(wrap(paragraph.replaceAll("\\s+", " ").trim(), "   ")).append("\n");
            }
        }
        out.append("\nPeople to subscribe:\n\n");
        for (Requester r : request.getRequesters()) {
            out.append("- ").append(r.getName()).append(" <").append(r.getEmail()).append(">");
            if (r.getAffiliation() != null) {
                out.append(", ").append(r.getAffiliation());
            }
            out.append("\n  OpenPGP key: ").append(r.getFingerprint() == null ? "(not yet parsed)" : groups(r.getFingerprint()))
                    .append("\n");
        }
        out.append("\nRoles we commit to:\n\n");
        if (request.getRoles().isEmpty()) {
            out.append("- (none)\n");
        }
        for (RoleCommitment role : request.getRoles()) {
            String named = role.isOther() ? "Other: " + role.getTitle()
                    : role.getRoleId() + " (" + catalogue.role(role.getRoleId()).map(r -> r.title()).orElse(role.getRoleId()) + ")";
            out.append(wrap("- " + named + ": " + role.getSpecifics(), "  ").substring(2)).append("\n");
        }
        out.append("\nVouchers:\n\n");
        if (request.getVouchers().isEmpty() && vouches.isEmpty()) {
            out.append("- (none named yet)\n");
        }
        for (NamedVoucher v : request.getVouchers()) {
            boolean made = vouches.stream().anyMatch(m -> same(m.voucherEmail(), v.getEmail())
                    && same(m.requesterEmail(), v.getVouchesFor()));
            if (!made) {
                out.append("- named as voucher: ").append(v.getName()).append(" <").append(v.getEmail()).append(">, for ")
                        .append(v.getVouchesFor()).append(" (no vouch yet)\n");
            }
        }
        for (MadeVouch m : vouches) {
            out.append("- ").append(m.voucherName()).append(" <").append(m.voucherEmail()).append("> vouches for ")
                    .append(m.requesterEmail())
                    .append(m.awaitingConfirmation() ? " (a list admin has yet to confirm the voucher's evidence)" : "")
                    .append("\n");
        }
        out.append("\n").append(wrap("We accept the list policy, version " + request.getPolicyVersion() + ".", ""))
                .append("\n");
        return out.toString();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    /** Fingerprints in groups of four, as GnuPG prints them, so people can compare them by eye. */
    static String groups(String fingerprint) {
        StringBuilder s = new StringBuilder();
        String fp = fingerprint.toUpperCase(Locale.ROOT);
        for (int i = 0; i < fp.length(); i += 4) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(fp, i, Math.min(i + 4, fp.length()));
        }
        return s.toString();
    }

    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append("\n");
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line);
        return out.toString();
    }
}
