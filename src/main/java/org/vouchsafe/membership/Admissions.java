package org.vouchsafe.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.pgp.KeyProofs;
import org.vouchsafe.problem.NotFoundException;

/**
 * Who an approval would subscribe. The seed asks each person, not the distro, to prove three
 * things: that they accept the policy (criterion 6: their own signature over the current
 * statement), that they read PGP-encrypted mail (criterion 8: their own challenge answered) and
 * that someone trusted vouches for them (criterion 9: an eligible chain). A person who has not
 * proved one of them joins only by the list admin's recorded exception for that criterion.
 */
@Service
public class Admissions {

    /** The criteria each person proves for themselves, in order. */
    public static final List<Integer> PERSONAL_CRITERIA = List.of(6, 8, 9);

    private final Requests requests;
    private final KeyProofs proofs;
    private final VouchedRequesters vouched;

    public Admissions(Requests requests, KeyProofs proofs, VouchedRequesters vouched) {
        this.requests = requests;
        this.proofs = proofs;
        this.vouched = vouched;
    }

    /**
     * Every requester of the request, with the personal criteria they have not proved (less the
     * given exceptions) and those an exception waives.
     */
    @Transactional(readOnly = true)
    public List<Person> assess(String requestId, Collection<AdmissionException> exceptions) {
        MembershipRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        KeyProofs.Proven proven = proofs.of(requestId);
        Set<String> vouchedEmails = vouched.vouchedEmails(requestId);
        List<Person> people = new ArrayList<>();
        for (Requester r : request.getRequesters()) {
            String email = normalise(r.getEmail());
            List<Integer> unproved = unproved(r, proven, vouchedEmails);
            List<Integer> excepted = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            for (int criterion : unproved) {
                boolean waived = exceptions.stream().anyMatch(e -> e.getCriterion() == criterion && e.getEmail().equals(email));
                (waived ? excepted : missing).add(criterion);
            }
            people.add(new Person(r.getName(), r.getEmail(), r.getFingerprint(), List.copyOf(missing), List.copyOf(excepted)));
        }
        return people;
    }

    /** The personal criteria this requester has not proved. */
    static List<Integer> unproved(Requester r, KeyProofs.Proven proven, Set<String> vouchedEmails) {
        List<Integer> unproved = new ArrayList<>();
        if (!proven.signedPolicy(r.getFingerprint())) {
            unproved.add(6);
        }
        if (!proven.answeredChallenge(r.getFingerprint())) {
            unproved.add(8);
        }
        if (!vouchedEmails.contains(normalise(r.getEmail()))) {
            unproved.add(9);
        }
        return unproved;
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** What a criterion asks of the person, for the reasons people read. */
    public static String unmet(int criterion) {
        return switch (criterion) {
            case 6 -> "6 (has not signed the statement of the current list policy)";
            case 8 -> "8 (has not answered the challenge encrypted to their key)";
            case 9 -> "9 (is not vouched for through an eligible chain)";
            default -> String.valueOf(criterion);
        };
    }

    /**
     * A requester and where they stand.
     *
     * @param missing  personal criteria not proved and not waived: while any is left, they are not subscribed
     * @param excepted personal criteria not proved but waived by the admin's exception
     */
    public record Person(String name, String email, String fingerprint, List<Integer> missing, List<Integer> excepted) {

        public boolean admitted() {
            return missing.isEmpty();
        }

        /** "Name &lt;email&gt;", as the decision names people. */
        public String named() {
            return name + " <" + email + ">";
        }

        /** Why they are not subscribed, in one line. */
        public String whyNot() {
            return named() + ": not proved: criterion " + String.join("; ", missing.stream().map(Admissions::unmet).toList());
        }
    }
}
