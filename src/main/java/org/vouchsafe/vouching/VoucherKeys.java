package org.vouchsafe.vouching;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.CertificateInspector;

/**
 * The keys on file for a voucher, which both the signature check and eligibility consult: a
 * member's key as filed with the request that admitted them, a teammate's key on this request,
 * and the fingerprints of either. The roster decides first, everywhere.
 */
@Component
class VoucherKeys {

    private final Requests requests;
    private final MemberRepository members;
    private final CertificateInspector inspector;
    private final Clock clock;

    VoucherKeys(Requests requests, MemberRepository members, CertificateInspector inspector,
                Clock clock) {
        this.requests = requests;
        this.members = members;
        this.inspector = inspector;
        this.clock = clock;
    }

    /** The key a voucher who sends none is checked against: the roster decides first, as eligibility does. */
    Optional<String> keyOnFile(String requestId, String voucherEmail) {
        Optional<Member> member = members.findByEmailIgnoreCase(voucherEmail);
        if (member.isPresent()) {
            return filedAs(member.get()).map(Requester::getPublicKey);
        }
        return requests.find(requestId).flatMap(r -> r.getRequesters().stream()
                        .filter(q -> VouchStatements.normalise(q.getEmail()).equals(voucherEmail)).findFirst())
                .map(Requester::getPublicKey).filter(k -> !k.isBlank());
    }

    /** The member as filed with the request that admitted them (with their key), if they came through Vouchsafe. */
    Optional<Requester> filedAs(Member member) {
        return Optional.ofNullable(member.getRequestId()).flatMap(requests::find)
                .flatMap(r -> r.getRequesters().stream()
                        .filter(q -> q.getEmail().equalsIgnoreCase(member.getEmail())).findFirst())
                .filter(q -> q.getPublicKey() != null && !q.getPublicKey().isBlank());
    }

    /** The stored fingerprint of a key on file, else the one read from the key itself. */
    String fingerprintOf(String armoredKey, String stored, String email) {
        if (stored != null && !stored.isBlank()) {
            return CertificateInspector.normaliseFingerprint(stored);
        }
        return inspector.inspect(armoredKey, email, clock.instant()).fingerprint()
                .orElseThrow(() -> new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.email", "The key "
                        + "on file for " + email + " cannot be read; ask the list admin."));
    }
}
