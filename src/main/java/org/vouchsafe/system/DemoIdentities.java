package org.vouchsafe.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.review.ReviewerProfile;
import org.vouchsafe.review.ReviewerProfileRepository;

/**
 * Seeds the demo accounts (demo profile only): {@code admin} (list-admins), {@code reviewer1}
 * to {@code reviewer5} (reviewers, each affiliated with a different sample member distro) and
 * {@code applicant} (applicants), all with the demo password; the Camunda authorizations that
 * let reviewers and admins into Tasklist (applicants get none); and a Tasklist filter.
 * Idempotent, because the H2 file database outlives restarts.
 */
@Component
@Profile("demo")
class DemoIdentities {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    /** username, display name, e-mail, sample member distro, its organization. */
    static final List<String[]> REVIEWERS = List.of(
            new String[] {"reviewer1", "Rita Alpine", "reviewer1@alpinelinux.org", "Alpine Linux", "Alpine Linux Development Team"},
            new String[] {"reviewer2", "Dan Debian", "reviewer2@debian.org", "Debian", "Software in the Public Interest"},
            new String[] {"reviewer3", "Fay Fedora", "reviewer3@fedoraproject.org", "Fedora", "Red Hat"},
            new String[] {"reviewer4", "Otto Suse", "reviewer4@opensuse.org", "openSUSE", "SUSE"},
            new String[] {"reviewer5", "Gus Gentoo", "reviewer5@gentoo.org", "Gentoo", "Gentoo Foundation"});

    static final String MY_TASKS_FILTER = "My tasks";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ReviewerProfileRepository profiles;
    private final String password;

    DemoIdentities(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                   TaskService tasks, ReviewerProfileRepository profiles, @Value("${vouchsafe.demo.password:demo}") String password) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.profiles = profiles;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        group(Roles.LIST_ADMINS, "List admins");
        group(Roles.REVIEWERS, "Reviewers");
        group(Roles.APPLICANTS, "Applicants");
        group(Roles.VOUCHERS, "Vouchers");
        // The admin user itself is created by Camunda (camunda.bpm.admin-user) with full authorizations.
        membership("admin", Roles.LIST_ADMINS);
        for (String[] r : REVIEWERS) {
            user(r[0], r[1], r[2]);
            membership(r[0], Roles.REVIEWERS);
            if (!profiles.existsById(r[0])) {
                profiles.save(new ReviewerProfile(r[0], r[1], r[2], r[3], r[4]));
            }
        }
        user("applicant", "Ann Applicant", "applicant@example.org");
        membership("applicant", Roles.APPLICANTS);

        grant(Roles.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Member vouchers sign their vouch in a Tasklist form.
        grant(Roles.VOUCHERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.LIST_ADMINS, Resources.APPLICATION, "*", Permissions.ACCESS);
        grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.PROCESS_INSTANCE, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.TASK, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.DEPLOYMENT, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_PROCESS_INSTANCE, "*", Permissions.ALL);
        grant(Roles.LIST_ADMINS, Resources.HISTORIC_TASK, "*", Permissions.ALL);
        myTasksFilter();
        log.info("Demo accounts ready: admin, reviewer1..reviewer5, applicant (password: the demo password)");
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String id, String name, String email) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            String[] parts = name.split(" ", 2);
            user.setFirstName(parts[0]);
            user.setLastName(parts.length > 1 ? parts[1] : "");
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    private void membership(String user, String group) {
        if (identity.createUserQuery().userId(user).count() > 0
                && identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permissions permission) {
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

    /**
     * One filter without criteria: with authorization on, each user sees exactly the tasks
     * they may read — a reviewer their own vote tasks, an admin the admin tasks.
     */
    private void myTasksFilter() {
        Filter filter = filters.createFilterQuery().filterName(MY_TASKS_FILTER).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(MY_TASKS_FILTER).setQuery(tasks.createTaskQuery());
            filter.setProperties(new java.util.HashMap<>(java.util.Map.of(
                    "description", "Your vote and decision tasks", "priority", -10, "refresh", true)));
            filters.saveFilter(filter);
        }
        grant(Roles.REVIEWERS, Resources.FILTER, filter.getId(), Permissions.READ);
        grant(Roles.LIST_ADMINS, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
