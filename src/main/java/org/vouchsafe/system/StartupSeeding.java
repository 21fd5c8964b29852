package org.vouchsafe.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs start-up seeding (accounts, groups, Camunda authorizations, filters) in one transaction
 * that first locks the {@code startup_lock} row. In a cluster the nodes share the database and
 * may start at the same moment; without the lock both would find an authorization missing and
 * both insert it, and the node that loses the unique-constraint race would fail to start. With
 * it, the second node waits for the first to commit and then finds everything in place, so
 * seeding stays a plain "create what is missing".
 */
@Component
public class StartupSeeding {

    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    StartupSeeding(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    public void run(Runnable seeding) {
        transaction.executeWithoutResult(status -> {
            // Camunda's identity and authorization services join this transaction (same connection).
            jdbc.queryForList("select id from startup_lock where id = 1 for update", Integer.class);
            seeding.run();
        });
    }
}
