package org.vouchsafe.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * People leave the roster: a member by their own choice, or people of a distro (or all of them)
 * removed by a list admin, now or on a later date; and a distro stops holding a role. Nobody is
 * deleted: the roster keeps who was subscribed when, and the vouches they made stay as recorded.
 * Every departure is audited and published as {@link MemberLeft}; a distro left without people is
 * published as {@link DistroWithoutPeople}.
 */
@Service
public class Departures {

    static final int MAX_REASON = 2000;

    private final MemberRepository members;
    private final RosterService roster;
    private final ObjectProvider<RosterAccounts> accounts;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public Departures(MemberRepository members, RosterService roster, ObjectProvider<RosterAccounts> accounts, Clock clock,
                      AuditLog audit, ApplicationEventPublisher events) {
        this.members = members;
        this.roster = roster;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** The signed-in member leaves, effective now. */
    @Transactional
    public Member leave(String username, String reason) {
        String why = reason(reason, false);
        Member member = accounts().flatMap(a -> a.memberIdOf(username)).flatMap(members::findById)
                .filter(Member::isSubscribed)
                .orElseThrow(() -> new NotFoundException("Your account is not that of a subscribed member."));
        Instant now = clock.instant();
        member.leave(now, why);
        announce(member, username, "Left the roster", why);
        afterDepartures(Set.of(member.getDistro()), now);
        return member;
    }

    /**
     * A list admin removes people of a member distro (all of its subscribed people when none are
     * named), today or from a later date.
     */
    @Transactional
    public Removal remove(String distroId, RemovalInput input, String admin) {
        String distro = roster.distroName(distroId)
                .orElseThrow(() -> new NotFoundException("No member distro " + distroId + "."));
        List<FieldProblem> problems = new ArrayList<>();
        String why = null;
        try {
            why = reason(input == null ? null : input.reason(), true);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = input == null || input.effectiveDate() == null ? today : input.effectiveDate();
        if (effective.isBefore(today)) {
            problems.add(new FieldProblem("effectiveDate", "must be today (" + today + ") or later; the roster's past "
                    + "is not rewritten."));
        }
        List<Member> people = roster.people(distroId);
        List<Member> chosen = new ArrayList<>();
        if (input == null || input.people() == null || input.people().isEmpty()) {
            chosen.addAll(people);
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < input.people().size(); i++) {
                String email = input.people().get(i) == null ? "" : input.people().get(i).trim().toLowerCase(Locale.ROOT);
                Optional<Member> person = people.stream().filter(m -> m.getEmail().equalsIgnoreCase(email)).findFirst();
                if (person.isEmpty()) {
                    problems.add(new FieldProblem("people[" + i + "]", "is not a subscribed person of " + distro
                            + "; name people by the e-mail address on the roster (GET /api/members)."));
                } else if (seen.add(email)) {
                    chosen.add(person.get());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (chosen.isEmpty()) {
            throw new ConflictException(distro + " has nobody subscribed to remove.");
        }
        Instant now = clock.instant();
        boolean later = effective.isAfter(today);
        Instant at = later ? effective.atStartOfDay(ZoneOffset.UTC).toInstant() : now;
        for (Member member : chosen) {
            if (later) {
                member.leaveOn(at, why);
                audit.record(admin, AuditAction.ROSTER_MEMBER_CHANGED, member.getRequestId(), "Removal of "
                        + member.getName() + " (" + distro + ") scheduled for " + effective,
                        details(member, why, effective), false);
            } else {
                member.leave(at, why);
                announce(member, admin, "Removed from the roster", why);
            }
        }
        if (!later) {
            afterDepartures(Set.of(distro), now);
        }
        return new Removal(distroId, distro, effective, chosen.stream().map(Member::getEmail).toList(),
                later ? MemberStatus.LEAVING : MemberStatus.LEFT);
    }

    /** Removals whose date has come take effect; a node that finds one already done skips it. */
    @Transactional
    public int applyDue(Instant now) {
        List<Member> due = members.findByStatusAndLeftAtLessThanEqual(MemberStatus.LEAVING, now);
        Set<String> distros = new LinkedHashSet<>();
        int applied = 0;
        for (Member member : due) {
            if (members.markLeft(member.getId()) == 1) {
                announce(member, "vouchsafe", "Removed from the roster as scheduled", member.getLeaveReason());
                distros.add(member.getDistro());
                applied++;
            }
        }
        afterDepartures(distros, now);
        return applied;
    }

    /** The check for removals that have come due, {@code vouchsafe.members.removal-check-every} (ours: PT5M). */
    @Scheduled(fixedDelayString = "${vouchsafe.members.removal-check-every:PT5M}",
            initialDelayString = "${vouchsafe.members.removal-check-every:PT5M}")
    @Transactional
    public void applyDueNow() {
        applyDue(clock.instant());
    }

    /**
     * The distro stops holding a role (an accountability request closed with the role withdrawn):
     * none of its subscribed people holds it any more, so role coverage no longer counts it.
     *
     * @return how many roster entries held the role
     */
    @Transactional
    public int withdrawRole(String distroId, String roleId, String actor, String reason) {
        String distro = roster.distroName(distroId)
                .orElseThrow(() -> new NotFoundException("No member distro " + distroId + "."));
        int changed = 0;
        for (Member member : roster.people(distroId)) {
            if (member.getRoles().removeIf(r -> r.getRoleId().equals(roleId))) {
                changed++;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("distro", distro);
        details.put("role", roleId);
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(actor, AuditAction.ROSTER_MEMBER_CHANGED, null, distro + " no longer holds role " + roleId, details,
                false);
        return changed;
    }

    private void announce(Member member, String actor, String summary, String reason) {
        String username = accounts().flatMap(a -> a.usernameOf(member.getId())).orElse(null);
        audit.record(actor, AuditAction.ROSTER_MEMBER_REMOVED, member.getRequestId(), summary + ": " + member.getName()
                + " (" + member.getDistro() + ")", details(member, reason, null), false);
        events.publishEvent(new MemberLeft(member.getId(), member.getEmail(), DistroIds.of(member.getDistro()), username,
                member.getLeftAt() == null ? clock.instant() : member.getLeftAt(), reason));
    }

    private void afterDepartures(Set<String> distros, Instant at) {
        for (String distro : distros) {
            String distroId = DistroIds.of(distro);
            if (roster.people(distroId).isEmpty()) {
                audit.record("vouchsafe", AuditAction.ROSTER_MEMBER_CHANGED, null, distro
                        + " is a member without people: its last subscribed person left", Map.of("distro", distro), false);
                events.publishEvent(new DistroWithoutPeople(distroId, distro, at));
            }
        }
    }

    private static Map<String, String> details(Member member, String reason, LocalDate effective) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("email", member.getEmail());
        details.put("distro", member.getDistro());
        if (reason != null) {
            details.put("reason", reason);
        }
        if (effective != null) {
            details.put("effectiveDate", effective.toString());
        }
        return details;
    }

    private Optional<RosterAccounts> accounts() {
        return accounts.orderedStream().findFirst();
    }

    private static String reason(String reason, boolean required) {
        String trimmed = reason == null ? null : reason.trim();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw new InvalidInputException("reason", "is required: the people removed and the audit trail read why.");
            }
            return null;
        }
        if (trimmed.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is at most " + MAX_REASON + " characters.");
        }
        return trimmed;
    }

    /** Body of {@code POST /api/members/{distroId}/removal}. */
    public record RemovalInput(String reason, LocalDate effectiveDate, List<String> people) {
    }

    /** A removal as the API answers it. */
    public record Removal(String distroId, String distro, LocalDate effectiveDate, List<String> people, MemberStatus status) {
    }
}
