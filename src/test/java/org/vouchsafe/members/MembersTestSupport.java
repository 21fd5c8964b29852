package org.vouchsafe.members;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.util.io.Streams;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberAdmitted;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Filings;
import org.vouchsafe.vouching.TestVouchers;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.awaitility.Awaitility.await;

/**
 * Puts people on the roster as admission does (filed with their keys, then {@code MemberAdmitted}
 * in the roster's transaction), and reads their invitation the way they would: the mail from the
 * outbox, decrypted with their secret key.
 */
@org.springframework.stereotype.Component
public class MembersTestSupport {

    /** Strong enough for the password policy. */
    public static final String PASSWORD = "Correct-Horse-Battery-7";
    private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})");

    private final FilingService filings;
    private final ObjectMapper json;
    private final MemberRepository roster;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final Path outbox;

    public MembersTestSupport(FilingService filings, ObjectMapper json, MemberRepository roster,
                              ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                              PgpProperties pgp) {
        this.filings = filings;
        this.json = json;
        this.roster = roster;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.outbox = pgp.dataDir().resolve("outbox");
    }

    /** A member distro of these people, admitted now, committed to {@code roles}. */
    public Admitted admit(List<Person> people, String... roles) {
        Map<String, Object> filing = Filings.valid();
        List<Map<String, Object>> requesters = new ArrayList<>();
        for (Person p : people) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", p.name());
            r.put("email", p.email());
            r.put("affiliation", "Example Foundation");
            r.put("publicKey", p.publicKey());
            requesters.add(r);
        }
        filing.put("requesters", requesters);
        filing.put("vouchers", new ArrayList<>());
        MembershipRequest request = filings.file(json.convertValue(filing, FilingRequest.class), "applicant");
        List<Member> members = tx.execute(status -> {
            List<Member> saved = new ArrayList<>();
            for (Person p : people) {
                Member member = new Member(request.getId(), request.getDistroName(), "linux-distros", p.name(), p.email(),
                        p.fingerprint(), Instant.now());
                for (String role : roles) {
                    member.getRoles().add(new Member.RoleHeld(role, "We take this on."));
                }
                Member m = roster.save(member);
                events.publishEvent(new MemberAdmitted(request.getId(), m.getId(), m.getName(), m.getEmail(), m.getDistro(),
                        m.getList(), m.getFingerprint(), m.getJoinedAt()));
                saved.add(m);
            }
            return saved;
        });
        return new Admitted(request.getId(), members.get(0).getDistroId(), members);
    }

    /** One person, as {@link #admit}. */
    public static Person person(String name, String local) {
        return TestVouchers.person(name, local, "member.example");
    }

    public String username(String email) {
        return jdbc.queryForObject("select username from member_account where lower(email) = lower(?)", String.class, email);
    }

    /** The id of the person's open invitation. */
    public String openInvitation(String email) {
        return jdbc.queryForObject("select i.id from member_invitation i join member_account a on a.username = i.username "
                + "where lower(a.email) = lower(?) and i.used_at is null and i.revoked_at is null", String.class, email);
    }

    /** The invitation mail as it left: the raw message written to the outbox. */
    public String rawMail(String invitationId) {
        String prefix = "member-invitation_" + invitationId + "-";
        await().atMost(Duration.ofSeconds(30)).until(() -> mailFile(prefix) != null);
        try {
            return Files.readString(mailFile(prefix), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path mailFile(String prefix) {
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code person} reads after decrypting the mail (quoted-printable soft breaks joined). */
    public static String decrypt(Person person, String rawMail) {
        int begin = rawMail.indexOf("-----BEGIN PGP MESSAGE-----");
        int end = rawMail.indexOf("-----END PGP MESSAGE-----");
        if (begin < 0 || end < 0) {
            throw new AssertionError("no encrypted part in the mail:\n" + rawMail);
        }
        String armored = rawMail.substring(begin, end + "-----END PGP MESSAGE-----".length());
        BcOpenPGPApi api = new BcOpenPGPApi();
        try (var in = api.decryptAndOrVerifyMessage().addDecryptionKey(person.key())
                .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return new String(Streams.readAll(in), StandardCharsets.UTF_8).replace("=\r\n", "").replace("=\n", "");
        } catch (IOException | PGPException e) {
            throw new AssertionError("cannot decrypt as " + person.email(), e);
        }
    }

    /** The token of the link in a decrypted invitation. */
    public static String token(String decrypted) {
        Matcher m = LINK.matcher(decrypted);
        if (!m.find()) {
            throw new AssertionError("no invitation link in:\n" + decrypted);
        }
        return m.group(1);
    }

    /** The token {@code person} finds in their latest invitation mail. */
    public String tokenOf(Person person) {
        return token(decrypt(person, rawMail(openInvitation(person.email()))));
    }

    /** A member distro just admitted: its request, its id and its people on the roster. */
    public record Admitted(String requestId, String distroId, List<Member> members) {
    }
}
