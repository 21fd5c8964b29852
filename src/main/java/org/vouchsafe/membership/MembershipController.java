package org.vouchsafe.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "Decide a request awaiting the list admin's decision")
    @PostMapping("/api/requests/{id}/decision")
    @PreAuthorize("hasAuthority('list-admins')")
    DecisionView decide(@PathVariable String id, @RequestBody DecisionInput input, Authentication user) {
        return DecisionView.of(decisions.decide(id, input, user.getName()));
    }

    /** Subscribed people; the roster is for list members and admins, not for applicants. */
    @Operation(summary = "The roster: subscribed people with distro, fingerprint and roles")
    @GetMapping("/api/members")
    @PreAuthorize("hasAnyAuthority('list-admins', 'reviewers')")
    List<MemberView> members() {
        return roster.roster().stream().map(MemberView::of).toList();
    }

    /** A decision as the API shows it. */
    record DecisionView(String outcome, String reason, LocalDate effectiveDate, String decidedBy, Instant decidedAt,
                        List<String> notSubscribed) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.getOutcome().name(), d.getReason(), d.getEffectiveDate(), d.getDecidedBy(), d.getDecidedAt(),
                    d.getNotSubscribed());
        }
    }

    /** A roster entry. */
    record MemberView(String name, String email, String distro, String list, String fingerprint, List<String> roles,
                      Instant joinedAt) {
        static MemberView of(Member m) {
            return new MemberView(m.getName(), m.getEmail(), m.getDistro(), m.getList(), m.getFingerprint(),
                    m.getRoles().stream().map(Member.RoleHeld::getRoleId).sorted().toList(), m.getJoinedAt());
        }
    }
}
