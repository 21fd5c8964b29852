package org.vouchsafe.system;

/**
 * The groups of Camunda's identity service that Vouchsafe authorises by. A signed-in user's
 * Spring Security authorities are exactly their group ids.
 */
public final class Roles {

    public static final String APPLICANTS = "applicants";
    public static final String REVIEWERS = "reviewers";
    public static final String LIST_ADMINS = "list-admins";
    public static final String VOUCHERS = "vouchers";
    /** Every subscribed person with an account; each is also in their distro's group ({@link #distroGroup}). */
    public static final String MEMBERS = "members";
    /** The prefix of a member distro's group: {@code distro-{distroId}}. */
    public static final String DISTRO_GROUP_PREFIX = "distro-";
    /** Camunda's own group that opens the Admin webapp. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {
    }

    /** The Camunda group of a member distro's people. */
    public static String distroGroup(String distroId) {
        return DISTRO_GROUP_PREFIX + distroId;
    }
}
