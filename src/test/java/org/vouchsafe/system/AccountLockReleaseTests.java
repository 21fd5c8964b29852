package org.vouchsafe.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that an earlier version let Camunda lock is usable again after a start, without
 * anyone editing the database.
 */
@VouchsafeTest
class AccountLockReleaseTests {

    @Autowired
    IdentityService identity;

    @Autowired
    AccountLockRelease release;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldUnlockAnAccountThatAnEarlierVersionLockedWhenTheApplicationStarts() {
        // given: an account as Camunda's default lock left it (ten failures, locked until later)
        String id = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("right-passphrase");
        identity.saveUser(user);
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)), id);
        assertThat(identity.checkPassword(id, "right-passphrase")).as("locked").isFalse();

        // when: the application starts
        release.release();

        // then
        assertThat(lockColumns(id)).containsEntry("ATTEMPTS_", 0).containsEntry("LOCK_EXP_TIME_", null);
        assertThat(identity.checkPassword(id, "right-passphrase")).isTrue();
    }

    private Map<String, Object> lockColumns(String id) {
        return jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", id);
    }
}
