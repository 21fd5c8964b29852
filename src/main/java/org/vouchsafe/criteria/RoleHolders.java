package org.vouchsafe.criteria;

import java.util.Set;

/**
 * Which catalogue roles member distros hold today, so criterion 7 can tell reviewers which
 * offered roles nobody covers yet. Implemented where the roster is read; criteria does not
 * depend on membership.
 */
public interface RoleHolders {

    /** Catalogue role ids held by at least one person on the roster. */
    Set<String> heldRoleIds();
}
