package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyProblem;
import org.vouchsafe.pgp.KeyReport;
import org.vouchsafe.problem.FieldProblem;

/**
 * The third step of judging a vouch, once its signature verified: the request is open, the person
 * vouched for is on it, the voucher may vouch (member, vouched teammate, or a named, unaffiliated
 * long-time oss-security participant), the key that signed is theirs and the statement is the one
 * served. Decides the voucher's branch and the status and depth the vouch gets; stores nothing.
 * Runs in the transaction of {@link VouchService}.
 */
@Component
class VoucherEligibility {

    private final VouchRepository vouches;
    private final VouchingRoundRepository rounds;
    private final MemberRepository members;
    private final VoucherKeys keys;
    private final VouchStatements statements;
    private final VouchingProperties properties;
    private final Clock clock;

    VoucherEligibility(VouchRepository vouches, VouchingRoundRepository rounds, MemberRepository members,
                       VoucherKeys keys, VouchStatements statements, VouchingProperties properties, Clock clock) {
        this.vouches = vouches;
        this.rounds = rounds;
        this.members = members;
        this.keys = keys;
        this.statements = statements;
        this.properties = properties;
        this.clock = clock;
    }

    /** The voucher's branch, the fingerprint of their key, and the status and depth the vouch gets. */
    record Eligibility(VoucherBranch branch, String fingerprint, VouchStatus status, int depth) {
    }

    /** An eligible vouch: the requester it is for, as filed, and what the voucher's eligibility decided. */
    record Admission(Requester requester, Eligibility eligibility) {
    }

    /** Judges a vouch whose signature verified, at {@code now}; every refusal names its {@link VouchRefusal}. */
    Admission admit(MembershipRequest request, VouchInput input, SignedVouch signed, Instant now) {
        String requestId = request.getId();
        if (request.getStatus().isClosed()) {
            throw new VouchRefusedException(VouchRefusal.REQUEST_CLOSED, "", "The request is " + request.getStatus()
                    + "; vouches are taken only while it is open.");
        }
        if (rounds.findById(requestId).map(VouchingRound::deadlinePassed).orElse(false)) {
            throw new VouchRefusedException(VouchRefusal.VOUCHING_CLOSED, "", "The vouching deadline of this request has "
                    + "passed; ask the list admin to reopen the request.");
        }
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String requesterEmail = VouchStatements.normalise(input.requester());
        Requester requester = requester(request, requesterEmail, "requester");
        if (vouches.existsByRequestIdAndVoucherEmailAndRequesterEmail(requestId, voucherEmail, requesterEmail)) {
            throw new VouchRefusedException(VouchRefusal.DUPLICATE_VOUCH, "requester", voucherEmail + " has already "
                    + "vouched for " + requesterEmail + " on this request; one vouch per voucher and person.");
        }
        List<Vouch> existing = vouches.findByRequestIdOrderByRecordedAt(requestId);
        Eligibility eligibility = eligibility(request, input.voucher(), voucherEmail, existing, LocalDate.ofInstant(now,
                clock.getZone()), signed);

        String served = statements.text(request, voucherEmail, requester);
        if (!VouchStatements.same(served, input.statement())) {
            throw new VouchRefusedException(VouchRefusal.STATEMENT_ALTERED, "statement", "The statement differs from "
                    + "the one served for this voucher and requester; fetch GET /api/requests/" + requestId
                    + "/vouches/statement?voucher=" + voucherEmail + "&for=" + requesterEmail + " and sign it unchanged.");
        }
        return new Admission(requester, eligibility);
    }

    /** The requester of this request with the given address; anyone else is refused as {@code field}. */
    static Requester requester(MembershipRequest request, String email, String field) {
        String wanted = VouchStatements.normalise(email);
        return request.getRequesters().stream().filter(r -> VouchStatements.normalise(r.getEmail()).equals(wanted))
                .findFirst().orElseThrow(() -> new VouchRefusedException(VouchRefusal.NOT_A_REQUESTER, field, wanted
                        + " is not a requester of this request; vouch for one of the people it asks to subscribe."));
    }

    private Eligibility eligibility(MembershipRequest request, VouchInput.Voucher voucher, String voucherEmail,
                                    List<Vouch> existing, LocalDate today, SignedVouch signed) {
        // Only people on the current roster vouch as members; vouches made before someone left stay recorded.
        Optional<Member> member = members.findByEmailIgnoreCase(voucherEmail).filter(Member::isSubscribed);
        if (member.isPresent()) {
            return memberEligibility(member.get(), signed);
        }
        Optional<Requester> teammate = request.getRequesters().stream()
                .filter(r -> VouchStatements.normalise(r.getEmail()).equals(voucherEmail)).findFirst();
        if (teammate.isPresent()) {
            int allowed = properties.teammateDepth();
            if (allowed == 0) {
                throw new VouchRefusedException(VouchRefusal.TEAMMATE_TOO_DEEP, "voucher.email", "Teammates do not vouch "
                        + "for each other on this list (vouchsafe.vouching.teammate-depth is 0): every requester needs a "
                        + "vouch from a list member or a confirmed long-time oss-security participant.");
            }
            VouchChain chain = VouchReader.chainOf(request, existing, allowed);
            Integer depth = chain.depth(voucherEmail).orElseThrow(() -> new VouchRefusedException(
                    VouchRefusal.UNVOUCHED_TEAMMATE, "voucher.email", voucherEmail + " is a requester who is not yet "
                    + "vouched for; a teammate may vouch only once a member or a confirmed veteran has vouched for "
                    + "them" + (allowed > 1 ? " (directly or through a vouched teammate)." : ".")));
            if (depth > allowed) {
                throw new VouchRefusedException(VouchRefusal.TEAMMATE_TOO_DEEP, "voucher.email", voucherEmail + " is "
                        + "vouched for at chain depth " + depth + ", through a teammate; only someone vouched for within "
                        + allowed + (allowed == 1 ? " hop" : " hops") + " of a list member or a confirmed veteran may "
                        + "vouch for teammates. Ask one of them, or a member, to vouch.");
            }
            String fingerprint = keys.fingerprintOf(teammate.get().getPublicKey(), teammate.get().getFingerprint(),
                    voucherEmail);
            requireSigner(signed, fingerprint, "the key filed with the request");
            return new Eligibility(VoucherBranch.TEAMMATE, fingerprint, VouchStatus.COUNTING, depth + 1);
        }
        return veteranEligibility(request, voucher, voucherEmail, existing, today, signed);
    }

    private Eligibility memberEligibility(Member member, SignedVouch signed) {
        // The stored fingerprints first: no key is parsed on this branch that the others do not parse.
        String expected = member.getFingerprint() != null
                ? CertificateInspector.normaliseFingerprint(member.getFingerprint())
                : keys.filedAs(member)
                        .map(r -> keys.fingerprintOf(r.getPublicKey(), r.getFingerprint(), member.getEmail()))
                        .orElse(null);
        if (expected == null) {
            throw new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.publicKey", "No key of "
                    + member.getEmail() + " is on the roster; ask the list admin to record your fingerprint.");
        }
        requireSigner(signed, expected, "your key on the roster");
        return new Eligibility(VoucherBranch.MEMBER, expected, VouchStatus.COUNTING, 1);
    }

    private Eligibility veteranEligibility(MembershipRequest request, VouchInput.Voucher voucher, String voucherEmail,
                                           List<Vouch> existing, LocalDate today, SignedVouch signed) {
        boolean named = request.getVouchers().stream().anyMatch(v -> v.getEmail().equalsIgnoreCase(voucherEmail));
        if (!named) {
            throw new VouchRefusedException(VouchRefusal.NOT_NAMED, "voucher.email", voucherEmail + " is neither on the "
                    + "roster nor named as a voucher of this request; the list admin can add you as a voucher.");
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (signed.sentKey() == null) {
            missing.add(new FieldProblem("voucher.publicKey", "is required for a voucher who is not a list member."));
        }
        if (voucher.firstActivity() == null) {
            missing.add(new FieldProblem("voucher.firstActivity", "is required: the date of your first oss-security "
                    + "posting, YYYY-MM-DD."));
        }
        List<String> evidence = voucher.evidence() == null ? List.of() : voucher.evidence();
        if (evidence.stream().noneMatch(e -> e != null && e.trim().startsWith("https://"))) {
            missing.add(new FieldProblem("voucher.evidence", "give at least one https link to your oss-security "
                    + "postings (e.g. https://www.openwall.com/lists/oss-security/...)."));
        }
        if (!missing.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.NOT_A_VETERAN, missing.get(0).field(), missing.stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + " " + b).orElseThrow());
        }
        LocalDate latestStart = today.minus(properties.veteranMinActivity());
        if (voucher.firstActivity().isAfter(latestStart)) {
            throw new VouchRefusedException(VouchRefusal.NOT_A_VETERAN, "voucher.firstActivity", "A voucher who is not "
                    + "a list member must have been active on oss-security for at least " + properties.veteranMinYears()
                    + " years, since " + latestStart + " or earlier; " + voucher.firstActivity() + " is too recent.");
        }
        List<String> affiliated = Affiliation.of(voucherEmail, voucher.affiliation(), request);
        if (!affiliated.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.AFFILIATED, "voucher.affiliation", "A voucher who is not a "
                    + "list member must not be affiliated with " + request.getDistroName() + " nor its organization, "
                    + "but " + String.join(" and ", affiliated) + ". Ask a list member or an unaffiliated long-time "
                    + "oss-security participant to vouch.");
        }
        // Inspected for their address when the signature was verified, before anyone's eligibility was looked at.
        KeyReport report = signed.sentKey();
        List<KeyProblem> blocking = report.problems().stream()
                .filter(p -> p.code() != KeyProblem.Code.NO_ENCRYPTION_SUBKEY).toList();
        if (report.fingerprint().isEmpty() || !blocking.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", blocking.stream()
                    .map(KeyProblem::message).reduce((a, b) -> a + " " + b).orElse("The key cannot be read."));
        }
        String fingerprint = report.fingerprint().get();
        List<Vouch> earlier = existing.stream().filter(v -> v.getVoucherEmail().equals(voucherEmail)).toList();
        if (earlier.stream().anyMatch(v -> !v.getVoucherFingerprint().equals(fingerprint))) {
            throw new VouchRefusedException(VouchRefusal.WRONG_KEY, "voucher.publicKey", "You vouched on this request "
                    + "before with key " + earlier.get(0).getVoucherFingerprint() + "; sign with that key.");
        }
        // The admin judged this voucher's evidence already on this request: the same evidence need not be judged twice.
        boolean confirmedBefore = earlier.stream().anyMatch(v -> v.getStatus() == VouchStatus.COUNTING);
        return new Eligibility(VoucherBranch.VETERAN, fingerprint,
                confirmedBefore ? VouchStatus.COUNTING : VouchStatus.AWAITING_CONFIRMATION, 1);
    }

    /** A member or teammate must have signed with the key on file: the file, not the sender, says who they are. */
    private static void requireSigner(SignedVouch signed, String expectedFingerprint, String onFile) {
        if (!signed.fingerprint().equals(expectedFingerprint)) {
            throw new VouchRefusedException(VouchRefusal.WRONG_KEY, "voucher.publicKey", "The key that signed ("
                    + signed.fingerprint() + ") is not " + onFile + " (" + expectedFingerprint + "); sign with that "
                    + "key, or leave publicKey out.");
        }
    }
}
