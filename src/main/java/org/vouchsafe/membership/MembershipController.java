package org.vouchsafe.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The roster and the admin's decision endpoint. */
@RestController
class MembershipController {

    private final AdminDecisionService decisions;
    private final RosterService roster;

    MembershipController(AdminDecisionService decisions, RosterService roster) {
        this.decisions = decisions;
        this.roster = roster;
    }

    @PostMapping("/api/requests/{id}/decision")
    @PreAuthorize("hasAuthority('list-admins')")
    DecisionView decide(@PathVariable String id, @RequestBody DecisionInput input, Authentication user) {
        Decision decision = decisions.decide(id, input, user.getName());
        return DecisionView.of(decision, decisions.exceptionsOf(decision));
    }

    /** Subscribed people; the roster is for list members and admins, not for applicants. */
    @GetMapping("/api/members")
    @PreAuthorize("hasAnyAuthority('list-admins', 'reviewers')")
    List<MemberView> members() {
        List<Member> members = roster.roster();
        java.util.Map<String, List<AdmissionException>> exceptions = roster.exceptionsByMember(members);
        return members.stream().map(m -> MemberView.of(m, exceptions.getOrDefault(m.getId(), List.of()))).toList();
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
    record MemberView(String name, String email, String distro, String list, String fingerprint, List<String> roles,
                      Instant joinedAt, List<MemberException> exceptions) {
        static MemberView of(Member m, List<AdmissionException> exceptions) {
            return new MemberView(m.getName(), m.getEmail(), m.getDistro(), m.getList(), m.getFingerprint(),
                    m.getRoles().stream().map(Member.RoleHeld::getRoleId).sorted().toList(), m.getJoinedAt(),
                    exceptions.stream().map(e -> new MemberException(e.getCriterion(), e.getReason())).toList());
        }
    }

    /** A criterion a member was subscribed without, and the admin's reason. */
    record MemberException(int criterion, String reason) {
    }
}
