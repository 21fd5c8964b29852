package org.vouchsafe.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.Member;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyProblem;
import org.vouchsafe.pgp.KeyReport;
import org.vouchsafe.pgp.KeySuccession;
import org.vouchsafe.problem.InvalidInputException;

/**
 * A member's key: the one they filed with until they upload another, its health, and its renewal.
 * Health is judged by the same inspector and key policy as filing: {@code OK}, {@code EXPIRING}
 * (it would fail the policy {@link #WARN_AHEAD} from now: renew it), {@code UNUSABLE} (it fails
 * now: no encrypted mail reaches them) or {@code UNKNOWN} (no key on file). A renewal is the same
 * primary key (a new expiry, new subkeys) or a new key that the current one certified; either must
 * be healthy and carry the member's address.
 */
@Service
public class MemberKeys {

    /** How early a member is warned that their key stops working (ours). */
    static final Duration WARN_AHEAD = Duration.ofDays(30);

    private final Requests requests;
    private final org.vouchsafe.membership.MemberRepository roster;
    private final MemberKeyRepository keys;
    private final CertificateInspector inspector;
    private final KeySuccession succession;
    private final AuditLog audit;
    private final Clock clock;

    MemberKeys(Requests requests, org.vouchsafe.membership.MemberRepository roster, MemberKeyRepository keys,
               CertificateInspector inspector, KeySuccession succession, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.roster = roster;
        this.keys = keys;
        this.inspector = inspector;
        this.succession = succession;
        this.audit = audit;
        this.clock = clock;
    }

    /** The armored key mail to the member is encrypted to: the uploaded one, else the one they filed with. */
    @Transactional(readOnly = true)
    public Optional<String> current(Member member) {
        Optional<String> uploaded = keys.findById(member.getId()).map(MemberKey::getPublicKey);
        if (uploaded.isPresent() || member.getRequestId() == null) {
            return uploaded;
        }
        return requests.find(member.getRequestId()).flatMap(r -> r.getRequesters().stream()
                .filter(p -> p.getEmail().equalsIgnoreCase(member.getEmail()))
                .map(Requester::getPublicKey)
                .filter(k -> k != null && !k.isBlank())
                .findFirst());
    }

    @Transactional(readOnly = true)
    public KeyHealth health(Member member) {
        Optional<String> armored = current(member);
        if (armored.isEmpty()) {
            return new KeyHealth(member.getFingerprint(), "UNKNOWN", List.of("No key is on file for you: ask the list admin."));
        }
        Instant now = clock.instant();
        KeyReport today = inspector.inspect(armored.get(), member.getEmail(), now);
        if (!today.healthy()) {
            return new KeyHealth(member.getFingerprint(), "UNUSABLE", today.problems().stream().map(KeyProblem::message).toList());
        }
        KeyReport soon = inspector.inspect(armored.get(), member.getEmail(), now.plus(WARN_AHEAD));
        if (!soon.healthy()) {
            return new KeyHealth(member.getFingerprint(), "EXPIRING", List.of("Your key stops working within "
                    + WARN_AHEAD.toDays() + " days: extend its expiry (gpg --quick-set-expire <fingerprint> 2y, also for "
                    + "the encryption subkey) and upload the renewed public key here."));
        }
        return new KeyHealth(member.getFingerprint(), "OK", List.of());
    }

    /**
     * Takes a renewed key (same primary fingerprint) or a successor certified by the current key;
     * 400 naming {@code publicKey} otherwise. The roster's fingerprint follows; audited.
     */
    @Transactional
    public KeyHealth renew(String memberId, String armored, String actor) {
        Member member = roster.findById(memberId).orElseThrow();
        Instant now = clock.instant();
        String fingerprint = inspector.requireHealthy(armored, member.getEmail(), now);
        String currentFingerprint = CertificateInspector.normaliseFingerprint(member.getFingerprint());
        Optional<String> current = current(member);
        boolean renewal = fingerprint.equals(currentFingerprint);
        if (!renewal && (current.isEmpty() || !succession.certifiedBy(armored, current.get()))) {
            throw new InvalidInputException("publicKey", "This is another key (" + fingerprint + ") than yours ("
                    + member.getFingerprint() + "), and your current key has not certified it. Either upload your key "
                    + "with a new expiry (same fingerprint), or sign the new key with the current one "
                    + "(gpg --default-key <current> --sign-key <new>) and upload the new key as exported after that.");
        }
        keys.findById(member.getId()).ifPresentOrElse(k -> k.replace(armored, fingerprint, now),
                () -> keys.save(new MemberKey(member.getId(), armored, fingerprint, now)));
        member.keyReplaced(fingerprint);
        audit.record(actor, AuditAction.ROSTER_MEMBER_CHANGED, member.getRequestId(),
                renewal ? "Renewed the key of " + member.getName()
                        : "Replaced the key of " + member.getName() + " by one the old key certified",
                Map.of("email", member.getEmail(), "fingerprint", fingerprint, "previousFingerprint", currentFingerprint,
                        "kind", renewal ? "RENEWED" : "SUCCESSOR"), false);
        return health(member);
    }

    /** A key's state and what to do about it. */
    public record KeyHealth(String fingerprint, String status, List<String> messages) {
    }
}
