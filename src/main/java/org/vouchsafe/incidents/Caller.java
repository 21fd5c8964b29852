package org.vouchsafe.incidents;

/**
 * Who calls the incidents API: their username and whether they are a list admin or a member (by
 * their groups; which distro a member belongs to, {@link MemberDirectory} tells).
 */
public record Caller(String username, boolean admin, boolean member) {

    /** The caller as the security layer authenticated them: list admin and member by their groups. */
    public static Caller of(org.springframework.security.core.Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> org.vouchsafe.system.Roles.LIST_ADMINS.equals(a.getAuthority()));
        boolean member = user.getAuthorities().stream().anyMatch(a -> org.vouchsafe.system.Roles.MEMBERS.equals(a.getAuthority()));
        return new Caller(user.getName(), admin, member);
    }
}
