package org.vouchsafe.incidents;

/**
 * Who calls the incidents API: their username and whether they are a list admin or a member (by
 * their groups; which distro a member belongs to, {@link MemberDirectory} tells).
 */
record Caller(String username, boolean admin, boolean member) {
}
