package org.vouchsafe.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the cluster tests share between their nodes. Connection from
 * {@code VOUCHSAFE_CLUSTER_DB_URL} (default {@code jdbc:postgresql://localhost:5432/vouchsafe_cluster}),
 * {@code VOUCHSAFE_DB_USER} and {@code VOUCHSAFE_DB_PASSWORD} (default {@code vouchsafe}/{@code vouchsafe}).
 * Each test class starts from an empty schema; the tests skip when the server is unreachable, unless
 * {@code -Dcluster.required=true} (CI) makes that a failure.
 */
final class ClusterDatabase {

    final String url = env("VOUCHSAFE_CLUSTER_DB_URL", "jdbc:postgresql://localhost:5432/vouchsafe_cluster");
    final String user = env("VOUCHSAFE_DB_USER", "vouchsafe");
    final String password = env("VOUCHSAFE_DB_PASSWORD", "vouchsafe");

    /** Skips the calling test class unless PostgreSQL answers, then empties the schema. */
    static ClusterDatabase emptied() {
        ClusterDatabase db = new ClusterDatabase();
        try (Connection c = db.connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            if (Boolean.getBoolean("cluster.required")) {
                // CI: a skipped cluster test would let a regression land unseen
                throw new IllegalStateException("PostgreSQL unreachable at " + db.url + " (-Dcluster.required=true)", e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + db.url + ": " + e.getMessage());
        }
        db.execute("drop schema public cascade", "create schema public");
        return db;
    }

    /**
     * Creates Camunda's schema from the engine's own scripts, as an operator does before the
     * first start of several nodes (docs/operations.md): nodes that start together on an empty
     * database race to create it and fail.
     */
    ClusterDatabase withCamundaSchema() {
        for (String part : new String[] {"engine", "history", "identity", "case.engine", "case.history",
                "decision.engine", "decision.history"}) {
            String resource = "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql";
            try (var in = ClusterDatabase.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No " + resource + " on the class path");
                }
                execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, user, password);
    }

    void execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        try (Connection c = connect(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    java.util.List<java.util.List<Object>> rows(String sql, Object... args) {
        try (Connection c = connect(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    java.util.List<Object> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
