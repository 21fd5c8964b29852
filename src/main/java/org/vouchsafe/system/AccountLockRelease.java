package org.vouchsafe.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On every start, clears Camunda's failed-login count and lock on every account that has one.
 * The engine no longer locks accounts ({@code EngineHardeningPlugin}), but a database that an
 * earlier version used may still hold accounts it locked for good after ten failures
 * ({@code ENGINE-27002}); the only way out of those was a camunda-admin, or for the admin
 * itself a database edit. Runs in both profiles under {@link StartupSeeding}'s lock, like the
 * other start-up writes.
 */
@Component
class AccountLockRelease {

    private static final Logger log = LoggerFactory.getLogger(AccountLockRelease.class);

    private final IdentityService identity;
    private final ManagementService management;
    private final StartupSeeding seeding;

    AccountLockRelease(IdentityService identity, ManagementService management, StartupSeeding seeding) {
        this.identity = identity;
        this.management = management;
        this.seeding = seeding;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void release() {
        seeding.run(() -> {
            // The identity API has no query for locked accounts; the table name carries any configured prefix.
            List<User> locked = identity.createNativeUserQuery()
                    .sql("SELECT * FROM " + management.getTableName(UserEntity.class)
                            + " WHERE ATTEMPTS_ > 0 OR LOCK_EXP_TIME_ IS NOT NULL")
                    .list();
            for (User user : locked) {
                identity.unlockUser(user.getId());
            }
            if (!locked.isEmpty()) {
                log.info("Cleared Camunda's failed-login count or lock of {} account(s): {}", locked.size(),
                        locked.stream().map(User::getId).toList());
            }
        });
    }
}
