package org.vouchsafe.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo accounts (demo profile only): {@code admin} (list-admins), {@code reviewer1}
 * to {@code reviewer5} (reviewers, each affiliated with a different sample member distro) and
 * {@code applicant} (applicants), all with the demo password; the Camunda authorizations that
 * let reviewers and admins into Tasklist (applicants get none); and a Tasklist filter.
 * Idempotent, because the H2 file database outlives restarts, and run under
 * {@link StartupSeeding}'s lock, because cluster nodes may start together on one database.
 */
@Component
@Profile("demo")
public class DemoIdentities {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    /** The demo reviewers; the review feature seeds their affiliations (conflict of interest) from the same list. */
    public static final List<DemoReviewer> REVIEWERS = List.of(
            new DemoReviewer("reviewer1", "Rita Alpine", "reviewer1@alpinelinux.org", "Alpine Linux", "Alpine Linux Development Team"),
            new DemoReviewer("reviewer2", "Dan Debian", "reviewer2@debian.org", "Debian", "Software in the Public Interest"),
            new DemoReviewer("reviewer3", "Fay Fedora", "reviewer3@fedoraproject.org", "Fedora", "Red Hat"),
            new DemoReviewer("reviewer4", "Otto Suse", "reviewer4@opensuse.org", "openSUSE", "SUSE"),
            new DemoReviewer("reviewer5", "Gus Gentoo", "reviewer5@gentoo.org", "Gentoo", "Gentoo Foundation"));

    /** A demo reviewer: account, display name, address, and the sample member distro they belong to. */
    public record DemoReviewer(String username, String name, String email, String distro, String organization) {
    }

    static final String MY_TASKS_FILTER = "My tasks";

    private final CamundaAccounts accounts;
    private final StartupSeeding seeding;
    private final FilterService filters;
    private final TaskService tasks;
    private final String password;
    private final ReadinessGate.StartupTask ready;

    DemoIdentities(IdentityService identity, AuthorizationService authorizations, StartupSeeding seeding,
                   FilterService filters, TaskService tasks, ReadinessGate readiness,
                   @Value("${vouchsafe.demo.password:demo}") String password) {
        this.accounts = new CamundaAccounts(identity, authorizations);
        this.seeding = seeding;
        this.filters = filters;
        this.tasks = tasks;
        this.password = password;
        this.ready = readiness.register("demo accounts");
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        seeding.run(this::seedAccounts);
        log.info("Demo accounts ready: admin, reviewer1..reviewer5, applicant (password: the demo password)");
        ready.done();
    }

    private void seedAccounts() {
        // The admin as production has it (Camunda's own camunda.bpm.admin-user set-up is not used: it
        // runs during engine start-up, outside the start-up lock, and raced between cluster nodes).
        accounts.listAdmin("admin", password, "admin@vouchsafe.example", false);
        for (DemoReviewer r : REVIEWERS) {
            String[] name = r.name().split(" ", 2);
            accounts.user(r.username(), name[0], name[1], r.email(), password);
            accounts.membership(r.username(), Roles.REVIEWERS);
        }
        accounts.user("applicant", "Ann", "Applicant", "applicant@example.org", password);
        accounts.membership("applicant", Roles.APPLICANTS);
        // Member vouchers sign their vouch in a Tasklist form.
        accounts.grant(Roles.VOUCHERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        myTasksFilter();
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
        accounts.grant(Roles.REVIEWERS, Resources.FILTER, filter.getId(), Permissions.READ);
        accounts.grant(Roles.LIST_ADMINS, Resources.FILTER, filter.getId(), Permissions.READ);
        accounts.grant(Roles.MEMBERS, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
