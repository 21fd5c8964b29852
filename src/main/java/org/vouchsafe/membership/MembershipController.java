package org.vouchsafe.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.vouchsafe.problem.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The roster and the admin's decision endpoint. */
@RestController
class MembershipController {

    private final AdminDecisionService decisions;
    private final RosterService roster;
    private final Departures departures;

    MembershipController(AdminDecisionService decisions, RosterService roster, Departures departures) {
        this.decisions = decisions;
        this.roster = roster;
        this.departures = departures;
    }

    @Operation(summary = "Decide a request awaiting the list admin's decision")
    @PostMapping("/api/requests/{id}/decision")
    @PreAuthorize("hasAuthority('list-admins')")
    DecisionView decide(@PathVariable String id, @RequestBody DecisionInput input, Authentication user) {
        Decision decision = decisions.decide(id, input, user.getName());
        return DecisionView.of(decision, decisions.exceptionsOf(decision));
    }

    /**
     * Subscribed people now, or on the day {@code at} (UTC), on every list or one; the roster is for
     * list members and admins, not for applicants.
     */
    @Operation(summary = "The roster: subscribed people with distro, fingerprint, roles and status; ?at= a past day, ?list= one list")
    @GetMapping("/api/members")
    @PreAuthorize("hasAnyAuthority('list-admins', 'reviewers')")
    List<MemberView> members(@RequestParam(name = "at", required = false) String at,
                             @RequestParam(name = "list", required = false) String list) {
        List<Member> people = at == null || at.isBlank() ? roster.roster() : roster.rosterOn(day(at));
        List<Member> listed = people.stream().filter(m -> list == null || list.isBlank() || m.getList().equals(list.trim()))
                .toList();
        java.util.Map<String, List<AdmissionException>> exceptions = roster.exceptionsByMember(listed);
        return listed.stream().map(m -> MemberView.of(m, exceptions.getOrDefault(m.getId(), List.of()))).toList();
    }

    /** A member leaves the list, effective now. */
    @Operation(summary = "A member leaves the list, effective now; their account is closed")
    @PostMapping("/api/members/me/leave")
    @PreAuthorize("hasAuthority('members')")
    MemberView leave(@RequestBody(required = false) LeaveInput input, Authentication user) {
        return MemberView.of(departures.leave(user.getName(), input == null ? null : input.reason()), List.of());
    }

    /** A list admin removes people of a member distro, or all of them, today or from a later date. */
    @Operation(summary = "Remove people of a member distro, or all of them, today or from a later date (list admins)")
    @PostMapping("/api/members/{distroId}/removal")
    @PreAuthorize("hasAuthority('list-admins')")
    Departures.Removal remove(@PathVariable String distroId, @RequestBody Departures.RemovalInput input,
                              Authentication user) {
        return departures.remove(distroId, input, user.getName());
    }

    private static LocalDate day(String at) {
        try {
            return LocalDate.parse(at.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("at", "must be a date in the form YYYY-MM-DD, e.g. 2026-06-01.");
        }
    }

    /** Body of {@code POST /api/members/me/leave}. */
    record LeaveInput(String reason) {
    }

    /**
     * A decision as the API shows it: who an approval did not subscribe and why, and the exceptions
     * it was taken with.
     */
    record DecisionView(String outcome, String reason, LocalDate effectiveDate, String decidedBy, Instant decidedAt,
                        List<String> notSubscribed, List<ExceptionView> exceptions) {
        static DecisionView of(Decision d, List<AdmissionException> exceptions) {
            return new DecisionView(d.getOutcome().name(), d.getReason(), d.getEffectiveDate(), d.getDecidedBy(), d.getDecidedAt(),
                    d.getNotSubscribed(), exceptions.stream()
                            .map(e -> new ExceptionView(e.getEmail(), e.getCriterion(), e.getReason())).toList());
        }
    }

    /** An exception of a decision. */
    record ExceptionView(String email, int criterion, String reason) {
    }

    /** A roster entry; {@code exceptions} are the criteria the person was subscribed without having proved. */
    record MemberView(String name, String email, String distro, String distroId, String list, String fingerprint,
                      List<String> roles, MemberStatus status, Instant joinedAt, Instant leftAt,
                      List<MemberException> exceptions) {
        static MemberView of(Member m, List<AdmissionException> exceptions) {
            return new MemberView(m.getName(), m.getEmail(), m.getDistro(), m.getDistroId(), m.getList(),
                    m.getFingerprint(), m.getRoles().stream().map(Member.RoleHeld::getRoleId).distinct().sorted().toList(),
                    m.getStatus(), m.getJoinedAt(), m.getLeftAt(),
                    exceptions.stream().map(e -> new MemberException(e.getCriterion(), e.getReason())).toList());
        }
    }

    /** A criterion a member was subscribed without, and the admin's reason. */
    record MemberException(int criterion, String reason) {
    }
}
