package org.vouchsafe.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * "Create what is missing" for Camunda groups, users, memberships and group grants, shared by
 * the production admin account and the demo accounts. Callers run it inside
 * {@link StartupSeeding} so that two nodes never create the same row.
 */
final class CamundaAccounts {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    CamundaAccounts(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** The application's groups, and Camunda's administrators group. */
    void groups() {
        group(Roles.LIST_ADMINS, "List admins", "WORKFLOW");
        group(Roles.REVIEWERS, "Reviewers", "WORKFLOW");
        group(Roles.APPLICANTS, "Applicants", "WORKFLOW");
        group(Roles.VOUCHERS, "Vouchers", "WORKFLOW");
        group(Roles.MEMBERS, "Members", "WORKFLOW");
        group(Roles.CAMUNDA_ADMIN, "camunda BPM Administrators", "SYSTEM");
    }

    /**
     * The list admin: member of {@code list-admins} and {@code camunda-admin}, which holds every
     * permission on every resource (what Camunda's own {@code admin-user} set-up grants), and the
     * list admins' grants. {@code resetPassword}: whether an existing account's password is set to
     * {@code password} (production: the configuration is the truth) or left alone (demo).
     */
    void listAdmin(String username, String password, String email, boolean resetPassword) {
        groups();
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null || resetPassword) {
            if (user == null) {
                user = identity.newUser(username);
                user.setFirstName("List");
                user.setLastName("Admin");
                user.setEmail(email);
            }
            // Set rather than compared: a failed checkPassword counts as a failed login in Camunda.
            user.setPassword(password);
            identity.saveUser(user);
        }
        membership(username, Roles.LIST_ADMINS);
        membership(username, Roles.CAMUNDA_ADMIN);
        for (Resources resource : Resources.values()) {
            grant(Roles.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        grant(Roles.LIST_ADMINS, Resources.APPLICATION, Authorization.ANY, Permissions.ACCESS);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.TASK, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_TASK, Authorization.ANY, Permissions.ALL);
        // Reviewers vote in Tasklist; applicants get no webapp at all.
        grant(Roles.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        // Members vouch for teammates in Tasklist; each vouch task names its member as candidate user,
        // which gives them that task (Camunda grants a candidate the task itself).
        grant(Roles.MEMBERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.MEMBERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    }

    void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Creates the user with {@code password} if missing; an existing user is left as it is. */
    void user(String id, String firstName, String lastName, String email, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    void membership(String user, String group) {
        if (identity.createUserQuery().userId(user).count() > 0
                && identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }

    void grant(String group, Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }
}
