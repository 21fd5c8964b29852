package org.vouchsafe.vouching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.util.encoders.Hex;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;

/**
 * People with fresh OpenPGP keys for the vouching tests (made with Bouncy Castle, user id
 * {@code Name <email>}, so every test has its own addresses and never meets another test's roster
 * entries), and the vouches they sign.
 */
public final class TestVouchers {

    private static final BcOpenPGPApi API = new BcOpenPGPApi();

    private TestVouchers() {
    }

    /** Someone with a key: v4 Ed25519 signing key and X25519 encryption subkey, made a minute ago. */
    public record Person(String name, String email, OpenPGPKey key) {

        public String publicKey() {
            try {
                return key.toCertificate().toAsciiArmoredString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String fingerprint() {
            return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
        }

        /** An armored detached signature over {@code text}, as {@code gpg --armor --detach-sign} makes it. */
        public String sign(String text) {
            try {
                List<OpenPGPSignature.OpenPGPDocumentSignature> signatures = API.createDetachedSignature()
                        .addSigningKey(key)
                        .sign(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                return signatures.get(0).toAsciiArmoredString();
            } catch (IOException | PGPException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A person at {@code local-<random>@domain}. */
    public static Person person(String name, String local, String domain) {
        String email = local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        try {
            OpenPGPKey key = API.generateKey(4, new Date(System.currentTimeMillis() - 60_000))
                    .ed25519x25519Key(name + " <" + email + ">").build();
            return new Person(name, email, key);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts {@code person} on the roster for another distro, with their fingerprint (as the roster keeps it). */
    public static Member onRoster(MemberRepository members, Person person) {
        return members.save(new Member(null, "Member Distro", "linux-distros", person.name(), person.email(),
                person.fingerprint(), Instant.now()));
    }

    /** A member's vouch: their key goes along, since this roster entry has a fingerprint but no filed key. */
    public static VouchInput memberVouch(Person member, String requesterEmail, String statement) {
        return new VouchInput(new VouchInput.Voucher(member.name(), member.email(), "Member Distro", member.publicKey(),
                null, null), requesterEmail, "WORKED_CLOSELY", statement, member.sign(statement),
                "We fixed several issues together.");
    }

    /** A teammate's vouch: no key, the one filed with the request is used. */
    public static VouchInput teammateVouch(Person teammate, String requesterEmail, String statement) {
        return new VouchInput(new VouchInput.Voucher(teammate.name(), teammate.email(), "Example Foundation", null, null,
                null), requesterEmail, "WORKED_CLOSELY", statement, teammate.sign(statement), "Same team for years.");
    }

    /** A veteran's vouch, active since 2015, with one evidence link. */
    public static VouchInput veteranVouch(Person veteran, String affiliation, String requesterEmail, String statement) {
        return new VouchInput(new VouchInput.Voucher(veteran.name(), veteran.email(), affiliation, veteran.publicKey(),
                LocalDate.of(2015, 3, 1), List.of("https://www.openwall.com/lists/oss-security/2015/03/01/1")),
                requesterEmail, "KNOWS_WORK", statement, veteran.sign(statement), "I read their advisories for years.");
    }

    /**
     * Makes {@code requesterEmail} vouched for on a stored request: a new roster member vouches for
     * them. For tests of later stages that need a vouched requester.
     */
    public static void vouchedByNewMember(MemberRepository members, VouchService vouches, String requestId,
                                          String requesterEmail) {
        Person member = person("Mo Member", "mo", "member.example");
        onRoster(members, member);
        // The vouching process's first step re-runs criterion 9 in a job at the same time; a vouch that
        // collides with it is refused as a concurrent change (409 over HTTP), so send it again.
        for (int attempt = 1; ; attempt++) {
            try {
                vouches.submit(requestId, memberVouch(member, requesterEmail,
                        vouches.statement(requestId, member.email(), requesterEmail)));
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
