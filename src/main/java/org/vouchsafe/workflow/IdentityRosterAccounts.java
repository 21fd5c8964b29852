package org.vouchsafe.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.RosterAccounts;
import org.vouchsafe.membership.MemberRepository;

/**
 * A member's account is the Camunda user with the address the roster has for them. The lowest
 * precedence: where the members' accounts keep their own link to the roster entry, that
 * implementation answers first ({@code Departures} asks the first one).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentityRosterAccounts implements RosterAccounts {

    private final IdentityService identity;
    private final MemberRepository members;

    IdentityRosterAccounts(IdentityService identity, MemberRepository members) {
        this.identity = identity;
        this.members = members;
    }

    @Override
    public Optional<String> memberIdOf(String username) {
        return Optional.ofNullable(identity.createUserQuery().userId(username).singleResult()).map(User::getEmail)
                .filter(e -> !e.isBlank()).flatMap(members::findByEmailIgnoreCase).map(Member::getId);
    }

    @Override
    public Optional<String> usernameOf(String memberId) {
        return members.findById(memberId).flatMap(m -> identity.createUserQuery().userEmail(m.getEmail()).list().stream()
                .findFirst()).map(User::getId);
    }
}
