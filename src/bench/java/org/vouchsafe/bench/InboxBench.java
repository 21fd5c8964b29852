package org.vouchsafe.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ConfigurableApplicationContext;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.review.ReviewerInbox;
import org.vouchsafe.support.Filings;

/**
 * P2: a reviewer's inbox (their open vote tasks, newest first, one page of 50, and the count
 * Tasklist shows) at 10k and 100k open requests. Two requests are filed for real (five vote
 * tasks each, one per demo reviewer); their task rows are then cloned in SQL so that every
 * reviewer has one open vote task per open request (5 × N rows in ACT_RU_TASK). The clones
 * only serve this read-only query; the database is emptied before each run.
 * Usage: {@code InboxBench <h2|postgres> [sizes, e.g. 10000,100000] [runs]}.
 */
public final class InboxBench {

    static final int PAGE = 50;
    static final int CAP = 1000;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        String[] sizes = (args.length > 1 ? args[1] : "10000,100000").split(",");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try (ConfigurableApplicationContext context = BenchApp.start(db)) {
            new InboxBench().run(context, db, sizes, runs);
        }
        System.exit(0);
    }

    void run(ConfigurableApplicationContext context, String db, String[] sizes, int runs) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        for (int i = 0; i < 2; i++) {
            context.getBean(FilingService.class).file(json.convertValue(Filings.valid(), FilingRequest.class), "applicant");
        }
        DataSource dataSource = context.getBean(DataSource.class);
        List<String> templates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select ID_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_Vote'")) {
            while (r.next()) {
                templates.add(r.getString(1));
            }
        }
        if (templates.size() != 10) {
            throw new IllegalStateException("expected 10 vote tasks, found " + templates.size());
        }
        TaskService tasks = context.getBean(TaskService.class);
        int clonesSoFar = 0;
        StringBuilder explain = new StringBuilder();
        for (String size : sizes) {
            int openRequests = Integer.parseInt(size.trim());
            int clones = (openRequests - 2) / 2; // each template row stands for one more open request
            long t0 = System.nanoTime();
            clone(dataSource, db, templates, clonesSoFar + 1, clones);
            clonesSoFar = clones;
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            long inbox = query(tasks).count();
            if (inbox != 2L + 2L * clones) {
                throw new IllegalStateException("reviewer1 has " + inbox + " open vote tasks, expected " + (2 + 2 * clones));
            }
            List<Long> pageNanos = new ArrayList<>();
            List<Long> nativeNanos = new ArrayList<>();
            List<Long> countNanos = new ArrayList<>();
            for (int i = 0; i < runs / 5; i++) {
                page(tasks);
                query(tasks).count();
            }
            long s0 = StatementCounter.STATEMENTS.get();
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                List<?> page = page(tasks);
                long b = System.nanoTime();
                query(tasks).count();
                long c = System.nanoTime();
                if (page.size() != PAGE) {
                    throw new IllegalStateException("page of " + page.size());
                }
                pageNanos.add(b - a);
                countNanos.add(c - b);
            }
            double statementsPerPage = (StatementCounter.STATEMENTS.get() - s0) / (double) runs;
            // Vouchsafe's own inbox (GET /api/inbox): one page without DISTINCT, its process instances, a capped count.
            ReviewerInbox inboxService = context.getBean(ReviewerInbox.class);
            List<Long> appPageNanos = new ArrayList<>();
            List<Long> appCountNanos = new ArrayList<>();
            for (int i = 0; i < runs / 5; i++) {
                inboxService.page("reviewer1", 0, PAGE);
                inboxService.countUpTo("reviewer1", CAP);
            }
            long s1 = StatementCounter.STATEMENTS.get();
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                int n = inboxService.page("reviewer1", 0, PAGE).size();
                long b = System.nanoTime();
                long counted = inboxService.countUpTo("reviewer1", CAP);
                long c = System.nanoTime();
                if (n != PAGE || counted != Math.min(inbox, CAP + 1)) {
                    throw new IllegalStateException("inbox page of " + n + ", count " + counted);
                }
                appPageNanos.add(b - a);
                appCountNanos.add(c - b);
            }
            double appStatementsPerPage = (StatementCounter.STATEMENTS.get() - s1) / (double) runs;
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                int n = nativePage(tasks).size();
                nativeNanos.add(System.nanoTime() - a);
                if (n != PAGE) {
                    throw new IllegalStateException("native page of " + n);
                }
            }
            Results.line(String.format(Locale.ROOT,
                    "| P2 | %s | %d open requests (%d tasks for reviewer1, %d in ACT_RU_TASK) "
                            + "| Camunda task query (Tasklist): page of %d p50 %s ms, p95 %s ms; count p50 %s ms, p95 %s ms; %.1f statements "
                            + "| Vouchsafe inbox (GET /api/inbox): page p50 %s ms, p95 %s ms; count up to %d p50 %s ms, p95 %s ms; %.1f statements "
                            + "| bare native page: p50 %s ms, p95 %s ms | seeded in %.0f s | %d runs |",
                    db, openRequests, inbox, 5 * inbox, PAGE, Stats.ms(Stats.percentile(pageNanos, 50)),
                    Stats.ms(Stats.percentile(pageNanos, 95)), Stats.ms(Stats.percentile(countNanos, 50)),
                    Stats.ms(Stats.percentile(countNanos, 95)), statementsPerPage,
                    Stats.ms(Stats.percentile(appPageNanos, 50)), Stats.ms(Stats.percentile(appPageNanos, 95)), CAP,
                    Stats.ms(Stats.percentile(appCountNanos, 50)), Stats.ms(Stats.percentile(appCountNanos, 95)),
                    appStatementsPerPage, Stats.ms(Stats.percentile(nativeNanos, 50)),
                    Stats.ms(Stats.percentile(nativeNanos, 95)), seedSeconds, runs));
            if (db.equals("postgres")) {
                explain.append("-- ").append(openRequests).append(" open requests\n")
                        .append(explain(dataSource, "select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = 'reviewer1' and "
                                + "RES.TASK_DEF_KEY_ = 'Task_Vote' order by RES.CREATE_TIME_ desc limit 50"))
                        .append(explain(dataSource, "select count(distinct RES.ID_) from ACT_RU_TASK RES where "
                                + "RES.ASSIGNEE_ = 'reviewer1' and RES.TASK_DEF_KEY_ = 'Task_Vote'"))
                        .append(explain(dataSource, "select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = 'reviewer1' "
                                + "order by RES.CREATE_TIME_ desc limit 50"))
                        .append(explain(dataSource, "select count(*) from (select RES.ID_ from ACT_RU_TASK RES where "
                                + "RES.ASSIGNEE_ = 'reviewer1' limit 1001) C"));
            }
        }
        if (!explain.isEmpty()) {
            java.nio.file.Path file = java.nio.file.Path.of("target", "bench", "p2-postgres-plans.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, explain);
            System.out.println("query plans: " + file.toAbsolutePath());
        }
    }

    private static TaskQuery query(TaskService tasks) {
        return tasks.createTaskQuery().taskAssignee("reviewer1").taskDefinitionKey("Task_Vote");
    }

    private static List<?> page(TaskService tasks) {
        return query(tasks).orderByTaskCreateTime().desc().listPage(0, PAGE);
    }

    /**
     * The same page without Camunda's {@code select distinct}: PostgreSQL can then walk the
     * creation-time index backwards and stop after one page (see p2-postgres-plans.txt).
     */
    private static List<?> nativePage(TaskService tasks) {
        return tasks.createNativeTaskQuery()
                .sql("select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = #{assignee} and RES.TASK_DEF_KEY_ = #{key} "
                        + "order by RES.CREATE_TIME_ desc")
                .parameter("assignee", "reviewer1").parameter("key", "Task_Vote").listPage(0, PAGE);
    }

    /** Clones each template task {@code from..to} times with fresh ids and older creation times. */
    private static void clone(DataSource dataSource, String db, List<String> templates, int from, int to) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getColumns(null, null, db.equals("postgres") ? "act_ru_task" : "ACT_RU_TASK", null)) {
                while (r.next()) {
                    columns.add(r.getString("COLUMN_NAME"));
                }
            }
            String in = "'" + String.join("','", templates) + "'";
            for (int start = from; start <= to; start += 10_000) {
                int end = Math.min(to, start + 9_999);
                List<String> select = new ArrayList<>();
                for (String column : columns) {
                    switch (column.toUpperCase(Locale.ROOT)) {
                        case "ID_" -> select.add(db.equals("postgres") ? "t.ID_ || '-' || g.x" : "CONCAT(t.ID_, '-', CAST(g.X AS VARCHAR))");
                        case "CREATE_TIME_" -> select.add(db.equals("postgres") ? "t.CREATE_TIME_ - g.x * interval '1 second'"
                                : "DATEADD(SECOND, -g.X, t.CREATE_TIME_)");
                        default -> select.add("t." + column);
                    }
                }
                String series = db.equals("postgres") ? "generate_series(" + start + ", " + end + ") as g(x)"
                        : "SYSTEM_RANGE(" + start + ", " + end + ") g";
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into ACT_RU_TASK (" + String.join(", ", columns) + ") select "
                            + String.join(", ", select) + " from ACT_RU_TASK t, " + series + " where t.ID_ in (" + in + ")");
                }
            }
            if (db.equals("postgres")) {
                try (Statement s = c.createStatement()) {
                    s.execute("analyze ACT_RU_TASK");
                }
            }
        }
    }

    private static String explain(DataSource dataSource, String sql) throws Exception {
        StringBuilder plan = new StringBuilder(sql).append('\n');
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (r.next()) {
                plan.append("  ").append(r.getString(1)).append('\n');
            }
        }
        return plan.append('\n').toString();
    }
}
