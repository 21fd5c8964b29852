package org.vouchsafe.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vouchsafe.support.Filings;

/**
 * The bounded load run: one application node in its own JVM on loopback, {@code applicants}
 * applicants each filing a request and polling it, {@code reviewers} reviewers polling their inbox (GET /api/inbox)
 * and voting on those in review. It stops by itself when every request has left review or at
 * the deadline, and reports p50/p95/p99 and errors per endpoint (a 409 on a vote after the
 * quorum is the expected answer, counted apart from errors).
 * Usage: {@code LoadRun <h2|postgres> [applicants] [reviewers] [max seconds]}.
 */
public final class LoadRun {

    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, Map<String, AtomicInteger>> statuses = new ConcurrentHashMap<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int applicants = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int reviewers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        new LoadRun().run(db, applicants, reviewers, maxSeconds);
        System.exit(0);
    }

    void run(String db, int applicants, int reviewers, int maxSeconds) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-cp", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator)),
                "org.vouchsafe.cluster.ClusterNodeMain", "--server.port=" + port, "--server.address=127.0.0.1",
                "--vouchsafe.review.objection-window=PT5S", "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000", "--logging.level.org.camunda.bpm.engine.context=error"));
        if (db.equals("postgres")) {
            BenchApp.emptyPostgres();
            command.addAll(List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + BenchApp.PG_URL,
                    "--spring.datasource.username=" + BenchApp.PG_USER, "--spring.datasource.password=" + BenchApp.PG_PASSWORD));
        } else {
            // LOCK_TIMEOUT as docs/security.md recommends for H2: every write waits for the audit head's row lock,
            // and H2's default of one second turns a queue of filings into 500s (docs/performance.md, load run)
            command.addAll(List.of("--spring.profiles.active=demo",
                    "--spring.datasource.url=jdbc:h2:mem:load;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
        }
        Path log = Path.of("target", "bench", "load-node-" + db + ".log");
        Files.createDirectories(log.getParent());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(log.getParent().toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroyForcibly));
        try {
            awaitHealthy(node);
            for (int n = 6; n <= reviewers; n++) {
                user("reviewer" + n, "reviewers");
            }
            for (int n = 1; n <= applicants; n++) {
                user("loadapplicant" + n, "applicants");
            }
            latencies.clear();
            statuses.clear();
            Set<String> openIds = ConcurrentHashMap.newKeySet();
            Set<String> settled = ConcurrentHashMap.newKeySet();
            AtomicInteger filed = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(applicants + reviewers);
            for (int n = 1; n <= applicants; n++) {
                String applicant = "loadapplicant" + n;
                pool.submit(() -> applicant(applicant, openIds, settled, filed, deadline));
            }
            for (int n = 1; n <= reviewers; n++) {
                String reviewer = "reviewer" + n;
                pool.submit(() -> reviewer(reviewer, applicants, settled, deadline));
            }
            pool.shutdown();
            boolean finished = pool.awaitTermination(maxSeconds + 60L, TimeUnit.SECONDS);
            pool.shutdownNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            Results.line(String.format(Locale.ROOT, "| load | %s | %d applicants, %d reviewers | %d filed, %d reached the decision "
                    + "| %.0f s%s |", db, applicants, reviewers, filed.get(), settled.size(), seconds,
                    finished && settled.size() == applicants ? "" : " (stopped at the deadline)"));
            latencies.keySet().stream().sorted().forEach(endpoint -> {
                List<Long> values = new ArrayList<>(latencies.get(endpoint));
                Map<String, AtomicInteger> byStatus = statuses.get(endpoint);
                int errors = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().equals("IO")
                        || (e.getKey().startsWith("4") && !(endpoint.contains("votes") && e.getKey().equals("409"))))
                        .mapToInt(e -> e.getValue().get()).sum();
                Results.line(String.format(Locale.ROOT, "| load | %s | %s | n=%d | p50 %s ms | p95 %s ms | p99 %s ms | errors %d | %s |",
                        db, endpoint, values.size(), Stats.ms(Stats.percentile(values, 50)), Stats.ms(Stats.percentile(values, 95)),
                        Stats.ms(Stats.percentile(values, 99)), errors, new java.util.TreeMap<>(byStatus)));
            });
            Response incidents = send("admin", "GET", "/engine-rest/incident/count", null, null);
            Response audit = send("admin", "GET", "/api/audit/verify", null, null);
            Results.line(String.format(Locale.ROOT, "| load | %s | after the run | incidents %s | audit chain ok: %s |", db,
                    incidents.json().path("count").asText(), audit.json().path("ok").asText()));
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private void applicant(String applicant, Set<String> openIds, Set<String> settled, AtomicInteger filed, long deadline) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5_000));
            Response r = send(applicant, "POST", "/api/requests", Filings.valid(), "POST /api/requests");
            if (r.status != 201) {
                return;
            }
            filed.incrementAndGet();
            String id = r.json().path("id").asText();
            openIds.add(id);
            while (System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                Response poll = send(applicant, "GET", "/api/requests/" + id, null, "GET /api/requests/{id}");
                if (poll.status == 200 && "AWAITING_DECISION".equals(poll.json().path("status").asText())) {
                    settled.add(id);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reviewer(String reviewer, int applicants, Set<String> settled, long deadline) {
        Set<String> done = ConcurrentHashMap.newKeySet();
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3_000));
            while (System.nanoTime() < deadline && settled.size() < applicants) {
                // What a reviewer polls: their inbox of open vote tasks (one page, capped count).
                Response list = send(reviewer, "GET", "/api/inbox?size=200", null, "GET /api/inbox (reviewer: open vote tasks)");
                if (list.status == 200) {
                    List<String> inReview = new ArrayList<>();
                    for (JsonNode task : list.json().path("tasks")) {
                        String id = task.path("requestId").asText();
                        if ("Task_Vote".equals(task.path("taskKey").asText()) && !done.contains(id)) {
                            inReview.add(id);
                        }
                    }
                    java.util.Collections.shuffle(inReview);
                    for (String id : inReview) {
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                        send(reviewer, "POST", "/api/requests/" + id + "/votes", Map.of("vote", "APPROVE", "comment", "ok"),
                                "POST /api/requests/{id}/votes");
                        done.add(id);
                    }
                }
                Thread.sleep(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
            } catch (Exception e) {
                return JSON.nullNode();
            }
        }
    }

    Response send(String user, String method, String path, Object body, String endpoint) {
        long t0 = System.nanoTime();
        String status;
        Response response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
            }
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response = new Response(r.statusCode(), r.body());
            status = String.valueOf(r.statusCode());
        } catch (Exception e) {
            response = new Response(-1, e.toString());
            status = "IO";
        }
        if (endpoint != null) {
            latencies.computeIfAbsent(endpoint, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
            statuses.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>()).computeIfAbsent(status, k -> new AtomicInteger())
                    .incrementAndGet();
        }
        return response;
    }

    private void user(String id, String group) {
        Response created = send("admin", "POST", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Load", "lastName", id, "email", id + "@load.example"),
                "credentials", Map.of("password", "demo")), null);
        Response member = send("admin", "PUT", "/engine-rest/group/" + group + "/members/" + id, null, null);
        if (created.status != 204 || member.status != 204) {
            throw new IllegalStateException("could not create " + id + ": " + created + " " + member);
        }
    }

    private void awaitHealthy(Process node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("node exited; see target/bench/load-node-*.log");
            }
            Response r = send("admin", "GET", "/actuator/health", null, null);
            if (r.status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node not healthy");
    }
}
