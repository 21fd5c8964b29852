package org.vouchsafe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.DecisionInput;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.VoteInput;
import org.vouchsafe.support.Filings;

/**
 * P1: the full lifecycle through the application's services (file → nine checks → five votes →
 * objection window → decision → roster) against the bare baseline BPMN with the same wait
 * states and no-op delegates, alternated in one JVM on one database. Time and SQL statements
 * per lifecycle. Usage: {@code LifecycleBench <h2|postgres> [warmup] [runs]}.
 */
public final class LifecycleBench {

    static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4", "reviewer5");

    private final ConfigurableApplicationContext context;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    LifecycleBench(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String[] extra = args.length > 3 ? java.util.Arrays.copyOfRange(args, 3, args.length) : new String[0];
        try (ConfigurableApplicationContext context = BenchApp.start(db, extra)) {
            new LifecycleBench(context).run(db + (extra.length == 0 ? "" : " " + String.join(" ", extra)), warmup, runs);
        }
        System.exit(0);
    }

    void run(String db, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            app();
            bare();
        }
        List<Long> appNanos = new ArrayList<>();
        List<Long> bareNanos = new ArrayList<>();
        List<Long> appStatements = new ArrayList<>();
        List<Long> bareStatements = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measure(this::app, appNanos, appStatements);
            measure(this::bare, bareNanos, bareStatements);
        }
        double appP50 = Stats.percentile(appNanos, 50);
        double bareP50 = Stats.percentile(bareNanos, 50);
        double appStmts = Stats.mean(appStatements);
        double bareStmts = Stats.mean(bareStatements);
        Results.line(String.format(java.util.Locale.ROOT,
                "| P1 | %s | Vouchsafe lifecycle | %s ms (p95 %s) | %.1f statements | bare | %s ms (p95 %s) | %.1f statements "
                        + "| time %.2f× (target ≤ 2.5×) | statements %.2f× (target ≤ 1.4×) | commits per REST vote: %s "
                        + "| %d runs after %d warm-up |",
                db, Stats.ms(appP50), Stats.ms(Stats.percentile(appNanos, 95)), appStmts,
                Stats.ms(bareP50), Stats.ms(Stats.percentile(bareNanos, 95)), bareStmts,
                appP50 / bareP50, appStmts / bareStmts, new java.util.TreeSet<>(VOTE_COMMITS), runs, warmup));
        breakdown(db);
    }

    /** One more lifecycle of each with every statement's text tallied: where the extra statements come from. */
    void breakdown(String db) {
        StringBuilder out = new StringBuilder();
        for (String variant : List.of("app", "bare")) {
            java.util.Map<String, java.util.concurrent.atomic.AtomicLong> sink = new java.util.concurrent.ConcurrentHashMap<>();
            StatementCounter.capture = sink;
            if (variant.equals("app")) {
                app();
            } else {
                bare();
            }
            StatementCounter.capture = null;
            long total = sink.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum();
            out.append("## ").append(variant).append(" (").append(total).append(" statements)\n");
            sink.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .forEach(e -> out.append(String.format("%5d  %s%n", e.getValue().get(), e.getKey())));
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "bench",
                    "p1-" + db.replaceAll("[^A-Za-z0-9.=-]+", "_") + "-statements.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, out);
            System.out.println("statement breakdown: " + file.toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(Runnable lifecycle, List<Long> nanos, List<Long> statements) {
        long s0 = StatementCounter.STATEMENTS.get();
        long t0 = System.nanoTime();
        lifecycle.run();
        nanos.add(System.nanoTime() - t0);
        statements.add(StatementCounter.STATEMENTS.get() - s0);
    }

    /** Commits each REST-path vote cost (the target is exactly one). */
    static final java.util.List<Long> VOTE_COMMITS = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** The exceptions that let the benchmark's one requester (Filings.valid()) in without proofs. */
    static final List<DecisionInput.ExceptionInput> ADMISSION_EXCEPTIONS = List.of(6, 8, 9).stream()
            .map(c -> new DecisionInput.ExceptionInput("ann@example.org", c, "Benchmark: the requester's own steps are not measured."))
            .toList();

    /** The application: its own services, as the REST controllers call them. */
    void app() {
        FilingRequest filing = json.convertValue(Filings.valid(), FilingRequest.class);
        String id = context.getBean(FilingService.class).file(filing, "applicant").getId();
        runExecutableJobs(); // the mails the filing queued (request filed, challenges issued)
        ReviewService review = context.getBean(ReviewService.class);
        for (String reviewer : REVIEWERS) {
            long commits = StatementCounter.COMMITS.get();
            review.castVote(id, reviewer, new VoteInput("APPROVE", "ok", null));
            VOTE_COMMITS.add(StatementCounter.COMMITS.get() - commits);
        }
        String pi = context.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("membershipRequest").processInstanceBusinessKey(id)
                .singleResult().getId();
        runDueTimer(pi);
        runExecutableJobs(); // "window closed" mail to the admin, before the decision task
        // Nobody is subscribed without proving criteria 6, 8 and 9; the lifecycle measured is the process's, not the
        // requester's signing, decrypting and vouching, so the admin records an exception for each instead.
        context.getBean(AdminDecisionService.class).decide(id, new DecisionInput("APPROVED", "Meets the criteria.", null,
                ADMISSION_EXCEPTIONS), "admin");
        runExecutableJobs(); // the decision mail
        if (context.getBean(Requests.class).find(id).orElseThrow().getStatus() != RequestStatus.APPROVED) {
            throw new IllegalStateException("lifecycle did not end APPROVED: " + id);
        }
    }

    /** The baseline: the same wait states with no-op delegates, through the engine API. */
    void bare() {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        String key = java.util.UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey("bareLifecycle", key, Map.of("reviewers", REVIEWERS));
        runExecutableJobs(); // its asynchronous steps, as for the application
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey("bareLifecycle").processInstanceBusinessKey(key)
                .singleResult().getId();
        for (String reviewer : REVIEWERS) {
            String task = tasks.createTaskQuery().processInstanceId(pi).taskAssignee(reviewer).singleResult().getId();
            tasks.complete(task, Map.of("vote", "APPROVE"));
        }
        runDueTimer(pi);
        runExecutableJobs(); // "window closed"
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Decide").singleResult().getId());
        runExecutableJobs(); // the decision mail, then the terminate end
        if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() != 0) {
            throw new IllegalStateException("bare lifecycle did not end: " + pi);
        }
    }

    /**
     * Runs every job that is due, as the job executor would (it is off here so that every
     * statement counted belongs to the lifecycle): Vouchsafe's asynchronous mail tasks.
     */
    private void runExecutableJobs() {
        ManagementService management = context.getBean(ManagementService.class);
        for (int guard = 0; guard < 100; guard++) {
            List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().executable().listPage(0, 20);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep becoming due");
    }

    private void runDueTimer(String pi) {
        ManagementService management = context.getBean(ManagementService.class);
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
    }
}
