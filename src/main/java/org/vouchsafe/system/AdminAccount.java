package org.vouchsafe.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
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
 * refused to start if the password is missing or weak. Runs under {@link StartupSeeding}'s lock,
 * so cluster nodes starting together do not race.
 */
@Component
@Profile("!demo")
class AdminAccount {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final CamundaAccounts accounts;
    private final StartupSeeding seeding;
    private final String username;
    private final String password;
    private final ReadinessGate.StartupTask ready;

    AdminAccount(IdentityService identity, AuthorizationService authorizations, StartupSeeding seeding, ReadinessGate readiness,
            @Value("${" + AdminCredentialsGuard.USERNAME + ":" + AdminCredentialsGuard.DEFAULT_USERNAME + "}") String username,
            @Value("${" + AdminCredentialsGuard.PASSWORD + ":}") String password) {
        this.accounts = new CamundaAccounts(identity, authorizations);
        this.seeding = seeding;
        this.username = username;
        this.password = password;
        this.ready = readiness.register("the list admin account");
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        List<String> problems = AdminPasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) {
            // The guard stops start-up earlier; this covers a caller that bypassed it.
            throw new IllegalStateException(AdminCredentialsGuard.message(problems));
        }
        // The configured password is the truth: a rotated secret takes effect on the next start.
        // (Camunda no longer locks accounts; AccountLockRelease clears locks an older version left.)
        seeding.run(() -> accounts.listAdmin(username, password, null, true));
        log.info("List admin account '{}' is ready", username);
        ready.done();
    }
}
