package org.vouchsafe.readmodel;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.criteria.RoleHolders;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;

/**
 * Criterion 7's view of the roster: the roles member distros hold today. It lives on the read
 * side, which may read every feature, so neither criteria nor membership depends on the other.
 */
@Component
class RosterRoleHolders implements RoleHolders {

    private final MemberRepository members;

    RosterRoleHolders(MemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> heldRoleIds() {
        return members.findAllByOrderByDistroAscNameAsc().stream()
                .flatMap(m -> m.getRoles().stream())
                .map(Member.RoleHeld::getRoleId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
