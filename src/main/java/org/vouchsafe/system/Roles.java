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
    /** People on the roster with an account; each is also in {@code distro-<distroId>}. */
    public static final String MEMBERS = "members";
    /** Camunda's own group that opens the Admin webapp. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {
    }
}
