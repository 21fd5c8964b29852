package org.vouchsafe.members;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Role;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.Roles;

/**
 * A member distro as its people and the list admins see it: its people and their accounts, the
 * roles it committed to, and what it recorded doing for them. A member sees only their own
 * distro (403 for any other, known or not, so the answer tells nothing about other distros); list
 * admins see every distro; nobody else sees any.
 */
@Service
public class MemberDistros {

    static final int MAX_REFERENCE = 300;
    static final int MAX_SUMMARY = 280;
    static final String OTHER = "OTHER";
    /** A list thread id as the archives and Message-IDs spell it: no spaces, nothing that would make markup. */
    private static final String THREAD_ID = "<?[A-Za-z0-9._+/:@=-]+>?";

    private final MemberRepository roster;
    private final MemberAccountRepository accounts;
    private final ContributionRepository contributions;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final org.vouchsafe.accountability.AccountabilityService accountability;
    private final org.vouchsafe.incidents.IncidentService incidents;

    MemberDistros(MemberRepository roster, MemberAccountRepository accounts, ContributionRepository contributions,
                  Catalogue catalogue, AuditLog audit, Clock clock,
                  org.vouchsafe.accountability.AccountabilityService accountability,
                  org.vouchsafe.incidents.IncidentService incidents) {
        this.accountability = accountability;
        this.incidents = incidents;
        this.roster = roster;
        this.accounts = accounts;
        this.contributions = contributions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The distro, if the caller may read it. */
    @Transactional(readOnly = true)
    public DistroView view(String distroId, Authentication caller) {
        requireMemberOrAdmin(distroId, caller);
        // The whole roster (hundreds of rows), filtered here: rows from before V75 get their slug only when read.
        List<Member> people = roster.findAll().stream().filter(m -> distroId.equals(m.getDistroId()))
                .sorted(Comparator.comparing(Member::getName)).toList();
        if (people.isEmpty()) {
            throw new NotFoundException("No member distro " + distroId + ".");
        }
        Map<String, MemberAccount> byMember = accounts.findByMemberIdIn(people.stream().map(Member::getId).toList()).stream()
                .collect(Collectors.toMap(MemberAccount::getMemberId, Function.identity()));
        List<PersonView> persons = people.stream().map(m -> {
            MemberAccount account = byMember.get(m.getId());
            return new PersonView(m.getName(), m.getEmail(), account == null ? null : account.getUsername(),
                    account != null && account.isActive(), m.getFingerprint(), m.getList(), m.getJoinedAt().toString());
        }).toList();
        Map<String, RoleView> roles = new LinkedHashMap<>();
        for (Member m : people) {
            for (Member.RoleHeld held : m.getRoles()) {
                roles.computeIfAbsent(held.getRoleId(), id -> new RoleView(id,
                        catalogue.role(id).map(Role::title).orElse(id), held.getSpecifics(), new ArrayList<>()))
                        .holders().add(m.getName());
            }
        }
        List<ContributionView> recorded = contributions.findByDistroIdOrderByDateDescRecordedAtDesc(distroId).stream()
                .map(ContributionView::of).toList();
        Member first = people.get(0);
        return new DistroView(distroId, first.getDistro(), first.getList(), persons,
                roles.values().stream().sorted(Comparator.comparing(RoleView::role)).toList(), recorded,
                accountability.ofDistro(distroId).stream().map(AccountabilityLine::of).map(Object.class::cast).toList(),
                List.of(), incidents.ofDistro(distroId).stream().map(Object.class::cast).toList());
    }

    /** Records a contribution of the caller's own distro. */
    @Transactional
    public ContributionView record(String distroId, ContributionInput input, Authentication caller) {
        Member member = requireMemberOf(distroId, caller);
        if (input == null) {
            throw new InvalidInputException("role", "Send role, date, reference and summary.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String role = input.role() == null ? null : input.role().trim().toUpperCase(Locale.ROOT);
        if (role == null || role.isEmpty() || !(OTHER.equals(role) || catalogue.role(role).isPresent())) {
            problems.add(new FieldProblem("role", "Name the role this was for: a catalogue id (T1–T5, A1–A13, "
                    + "see GET /api/catalogue/roles) or OTHER."));
        }
        LocalDate date = null;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            date = input.date() == null ? null : LocalDate.parse(input.date().trim());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            problems.add(new FieldProblem("date", "Give the day it happened as YYYY-MM-DD."));
        } else if (date.isAfter(today)) {
            problems.add(new FieldProblem("date", "The day it happened cannot be in the future (today is " + today + ", UTC)."));
        }
        String reference = input.reference() == null ? "" : input.reference().trim();
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE || !(isLink(reference) || reference.matches(THREAD_ID))) {
            problems.add(new FieldProblem("reference", "Give where it can be seen: a link (https://…, e.g. the "
                    + "oss-security post) or a list thread id, at most " + MAX_REFERENCE + " characters. A reference "
                    + "only: no embargoed content is stored."));
        }
        String summary = input.summary() == null ? "" : input.summary().strip();
        if (summary.isEmpty() || summary.length() > MAX_SUMMARY || summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
            problems.add(new FieldProblem("summary", "Say what was done in one sentence of at most " + MAX_SUMMARY
                    + " characters, on one line. Refer to the issue; never quote embargoed details."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Contribution saved = contributions.save(new Contribution(distroId, role, date, reference, summary,
                caller.getName(), clock.instant()));
        audit.record(caller.getName(), AuditAction.CONTRIBUTION_RECORDED, member.getRequestId(),
                member.getDistro() + " recorded a contribution for " + role + " on " + date,
                Map.of("distro", member.getDistro(), "role", role, "date", date.toString(), "reference", reference,
                        "contribution", saved.getId()), false);
        return ContributionView.of(saved);
    }

    /** The caller's own roster entry, if the caller is a member with an account. */
    @Transactional(readOnly = true)
    public java.util.Optional<Member> memberOf(Authentication caller) {
        if (caller == null) {
            return java.util.Optional.empty();
        }
        return accounts.findById(caller.getName()).flatMap(a -> roster.findById(a.getMemberId()));
    }

    private void requireMemberOrAdmin(String distroId, Authentication caller) {
        if (hasRole(caller, Roles.LIST_ADMINS)) {
            return;
        }
        requireMemberOf(distroId, caller);
    }

    private Member requireMemberOf(String distroId, Authentication caller) {
        return memberOf(caller).filter(m -> distroId != null && distroId.equals(m.getDistroId()))
                .orElseThrow(() -> new ForbiddenException("Only the people of member distro " + distroId
                        + " (and, to read, the list admins) may do this."));
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role::equals);
    }

    private static boolean isLink(String reference) {
        try {
            URI uri = new URI(reference);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** An accountability request against the distro, as its page lists it (the whole item: GET /api/accountability/{id}). */
    public record AccountabilityLine(String id, String role, String what, String reference, String status,
                                     String raisedAt, String answerDue, String outcome, String closedAt) {
        static AccountabilityLine of(org.vouchsafe.accountability.AccountabilityItem item) {
            return new AccountabilityLine(item.getId(), item.getRoleId(), item.getWhat(), item.getReference(),
                    item.getStatus().name(), String.valueOf(item.getRaisedAt()), String.valueOf(item.getAnswerDue()),
                    item.getOutcome() == null ? null : item.getOutcome().name(),
                    item.getClosedAt() == null ? null : item.getClosedAt().toString());
        }
    }

    /** A member distro: people, roles held, contributions, accountability requests, leak incidents (contribution reviews are not built yet). */
    public record DistroView(String distroId, String distro, String list, List<PersonView> people, List<RoleView> roles,
                             List<ContributionView> contributions, List<Object> accountability, List<Object> reviews,
                             List<Object> incidents) {
    }

    /** One subscribed person; {@code accountActive} once they set their password. */
    public record PersonView(String name, String email, String username, boolean accountActive, String fingerprint,
                             String list, String joinedAt) {
    }

    /** A role the distro committed to, with what it said it would do and who holds it. */
    public record RoleView(String role, String title, String specifics, List<String> holders) {
    }

    public record ContributionView(String id, String role, LocalDate date, String reference, String summary,
                                   String recordedBy, java.time.Instant recordedAt) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.getId(), c.getRole(), c.getDate(), c.getReference(), c.getSummary(),
                    c.getRecordedBy(), c.getRecordedAt());
        }
    }
}
