package org.vouchsafe.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One application node in its own JVM (loopback only), started from the test classpath with
 * {@link ClusterNodeMain}. Output goes to {@code target/cluster-logs/<name>.log}. Every node
 * started is destroyed when the test JVM exits, whatever happens to the test.
 */
final class Node implements AutoCloseable {

    private static final List<Process> ALL = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Process::destroyForcibly)));
    }

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node on {@code db} with the {@code postgres} and {@code demo} profiles.
     *
     * @param properties extra Spring properties ({@code --key=value})
     * @param jvmProperties extra system properties ({@code -Dkey=value})
     */
    static Node start(String name, ClusterDatabase db, Map<String, String> properties, Map<String, String> jvmProperties)
            throws IOException {
        int port = freePort();
        Path logs = Path.of("target", "cluster-logs").toAbsolutePath();
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("cluster.node.heap", "384m"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dvouchsafe.node=" + name));
        jvmProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", classpath(), ClusterNodeMain.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.profiles.active=postgres,demo",
                // The cluster tests count requests, tasks and votes of their own: accounts only, no demo scenario.
                "--vouchsafe.demo.scenario=false",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=warn",
                "--logging.level.org.camunda.bpm.engine.context=error"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Files.createDirectories(logs.resolve(name + "-cwd")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("VOUCHSAFE_DB_URL", db.url);
        builder.environment().put("VOUCHSAFE_DB_USER", db.user);
        builder.environment().put("VOUCHSAFE_DB_PASSWORD", db.password);
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("SPRING_DATASOURCE_USERNAME");
        builder.environment().remove("SPRING_DATASOURCE_PASSWORD");
        Process process = builder.start();
        ALL.add(process);
        return new Node(name, port, log, process);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for the readiness probe ({@code /actuator/health/readiness}) to answer UP, as an
     * orchestrator does: the accounts and the list key are then in place. Fails early when the JVM dies.
     */
    Node awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook, no transaction commit, locks stay in the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        ALL.remove(process);
    }

    /**
     * The test JVM's class path without empty entries: an empty entry means the working
     * directory, and from the project root that puts {@code processes/} on the class path a
     * second time (Camunda then refuses a deployment with the same process key twice).
     */
    private static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.equals("."))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
