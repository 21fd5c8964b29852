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
    /** Camunda's own group that opens the Admin webapp. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {
    }
}
