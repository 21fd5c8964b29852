package org.vouchsafe.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark suite of docs/performance.md, each benchmark in its own JVM, and collects
 * the figures in {@code target/bench/results.md} under a header that names the machine.
 * Options ({@code -Dbench.args="..."} with Maven):
 * <pre>
 *   --db=all|h2|postgres          databases (default all)
 *   --only=all|P1,P2,P5,load,jmh  which parts (default all)
 *   --p1=15,40                    warm-up and measured lifecycles per variant
 *   --p2=10000,100000:200         open-request sizes and measured pages
 *   --p5=3                        starts per variant
 *   --load=200,50,300             applicants, reviewers, deadline in seconds
 * </pre>
 * P3 and P4 are JMH benchmarks (@Benchmark classes under src/bench/java, processed by the JMH
 * annotation processor of the bench profile); part {@code jmh} runs every one found.
 */
public final class BenchmarkSuite {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("db", "all", "only", "all", "p1", "15,40", "p2", "10000,100000:200",
                "p5", "3", "load", "200,50,300"));
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        List<String> dbs = options.get("db").equals("all") ? List.of("h2", "postgres") : List.of(options.get("db").split(","));
        String only = options.get("only");
        header(options);
        String[] p1 = options.get("p1").split(",");
        String[] p2 = options.get("p2").split(":");
        String[] load = options.get("load").split(",");
        for (String db : dbs) {
            if (wants(only, "P1")) {
                fork("1g", "org.vouchsafe.bench.LifecycleBench", db, p1[0], p1[1]);
            }
            if (wants(only, "P2")) {
                fork("3g", "org.vouchsafe.bench.InboxBench", db, p2[0], p2.length > 1 ? p2[1] : "200");
            }
            if (wants(only, "P5")) {
                fork("256m", "org.vouchsafe.bench.StartupBench", db, options.get("p5"));
            }
            if (wants(only, "load")) {
                fork("1g", "org.vouchsafe.bench.LoadRun", db, load[0], load[1], load[2]);
            }
        }
        if (wants(only, "jmh")) {
            if (BenchmarkSuite.class.getClassLoader().getResource("META-INF/BenchmarkList") == null) {
                Results.line("| P3/P4 | – | no JMH benchmarks on the class path (none under src/bench/java yet) |");
            } else {
                Files.createDirectories(Path.of("target", "bench"));
                fork("1g", "org.openjdk.jmh.Main", "-f", "1", "-wi", "3", "-i", "5", "-rf", "json", "-rff", "target/bench/jmh.json");
                Results.line("| P3/P4 | JMH | results in target/bench/jmh.json (summary above in the build output) |");
            }
        }
        System.exit(0);
    }

    private static boolean wants(String only, String part) {
        return only.equals("all") || Arrays.asList(only.split(",")).contains(part);
    }

    private static void fork(String heap, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            Results.line("| " + main + " " + String.join(" ", args) + " | timed out after 60 min |");
        } else if (process.exitValue() != 0) {
            Results.line("| " + main + " " + String.join(" ", args) + " | failed with exit code " + process.exitValue() + " |");
        }
    }

    private static void header(Map<String, String> options) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        Results.line("");
        Results.line("### Run of " + Instant.now() + " (" + options + ")");
        Results.line("");
        Results.line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memory + ", Java "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), load average at start "
                + load + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        Results.line("");
    }
}
