package org.vouchsafe.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, creates the list admin account from configuration, or updates its
 * password and rights: member of {@code list-admins} and {@code camunda-admin}, with the
 * Camunda authorizations the demo admin has (Camunda's own admin-user set-up gives
 * {@code camunda-admin} every permission on every resource), plus the application's groups and
 * their Tasklist grants. No other account is created. {@link AdminCredentialsGuard} has already
 * refused to start if the password is missing or weak.
 */
@Component
@Profile("!demo")
class AdminAccount {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final String username;
    private final String password;

    AdminAccount(IdentityService identity, AuthorizationService authorizations,
            @Value("${" + AdminCredentialsGuard.USERNAME + ":" + AdminCredentialsGuard.DEFAULT_USERNAME + "}") String username,
            @Value("${" + AdminCredentialsGuard.PASSWORD + ":}") String password) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        List<String> problems = AdminPasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) {
            // The guard stops start-up earlier; this covers a caller that bypassed it.
            throw new IllegalStateException(AdminCredentialsGuard.message(problems));
        }
        group(Roles.LIST_ADMINS, "List admins", "WORKFLOW");
        group(Roles.REVIEWERS, "Reviewers", "WORKFLOW");
        group(Roles.APPLICANTS, "Applicants", "WORKFLOW");
        group(Roles.VOUCHERS, "Vouchers", "WORKFLOW");
        group(Roles.CAMUNDA_ADMIN, "camunda BPM Administrators", "SYSTEM");
        user();
        membership(Roles.LIST_ADMINS);
        membership(Roles.CAMUNDA_ADMIN);
        for (Resources resource : Resources.values()) {
            grant(Roles.CAMUNDA_ADMIN, resource, Permissions.ALL);
        }
        grant(Roles.LIST_ADMINS, Resources.APPLICATION, Permissions.ACCESS);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_DEFINITION, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_INSTANCE, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.TASK, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DECISION_DEFINITION, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DEPLOYMENT, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_PROCESS_INSTANCE, Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_TASK, Permissions.ALL);
        // Reviewers vote in Tasklist; applicants and vouchers get no webapp at all.
        grantResource(Roles.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, Permissions.READ);
        log.info("List admin account '{}' is ready", username);
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void user() {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            user = identity.newUser(username);
            user.setFirstName("List");
            user.setLastName("Admin");
        }
        // The configured password is the truth: a rotated secret takes effect on the next start. It is
        // set rather than compared, because a failed checkPassword counts as a failed login in Camunda.
        user.setPassword(password);
        identity.saveUser(user);
        // Camunda locks an account after repeated failed logins; a restart with the configured
        // password is the operator's way back in (see docs/security.md).
        identity.unlockUser(username);
    }

    private void membership(String group) {
        if (identity.createUserQuery().userId(username).memberOfGroup(group).count() == 0) {
            identity.createMembership(username, group);
        }
    }

    private void grant(String group, Resource resource, Permission permission) {
        grantResource(group, resource, Authorization.ANY, permission);
    }

    private void grantResource(String group, Resource resource, String resourceId, Permission permission) {
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
