package org.vouchsafe.readmodel;

import java.util.Set;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.criteria.RoleHolders;
import org.vouchsafe.membership.Member;

/**
 * Criterion 7's view of the roster: the roles member distros hold today. It lives on the read
 * side, which may read every feature, so neither criteria nor membership depends on the other.
 * One query for the role ids alone: loading each member with its eager roles would cost a
 * statement per member on every filing.
 */
@Component
class RosterRoleHolders implements RoleHolders {

    private final EntityManager entities;

    RosterRoleHolders(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> heldRoleIds() {
        // People who left hold nothing any more (their rows stay for the roster's history).
        return Set.copyOf(entities.createQuery("select distinct r.roleId from " + Member.class.getSimpleName()
                + " m join m.roles r where m.status <> :left", String.class)
                .setParameter("left", org.vouchsafe.membership.MemberStatus.LEFT).getResultList());
    }
}
