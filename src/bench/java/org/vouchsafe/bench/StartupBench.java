package org.vouchsafe.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * P5: start-up time ("process running for" when Spring Boot logs "Started", i.e. JVM start to
 * a ready application) and resident memory 5 s after start-up, of Vouchsafe vs a bare Boot +
 * Camunda starter app with one trivial BPMN ({@link org.vouchsafe.bench.bare.BareCamundaApp}),
 * each in fresh JVMs with the same flags, on H2 (in memory) and PostgreSQL; then start-up
 * options for Vouchsafe: C1 only, the extracted jar, and AppCDS on the extracted jar.
 * Usage: {@code StartupBench <h2|postgres|all> [runs]}.
 */
public final class StartupBench {

    static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    /** Jars only the application uses; the bare app runs without them (Boot's auto-configuration reacts to the class path). */
    static final Pattern APP_ONLY = Pattern.compile(".*/(hibernate|flyway|spring-data|spring-security|thymeleaf|springdoc|swagger"
            + "|bcpg|bcprov|bcutil|jakarta\\.mail|angus|greenmail|jmh|datasource-proxy|junit|assertj|mockito|selenium|awaitility"
            + "|camunda-bpm-assert|camunda-bpm-junit5|jackson-dataformat-csv|spring-boot-starter-(data-jpa|security|thymeleaf|mail"
            + "|validation|actuator|test)|spring-boot-actuator|micrometer-core|micrometer-jakarta|spring-test|spring-boot-test|hibernate-validator)[^/]*/.*");
    static final List<String> FLAGS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    public static void main(String[] args) throws Exception {
        String dbs = args.length > 0 ? args[0] : "all";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String cp = System.getProperty("java.class.path");
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        // the application runs from its own classes and dependencies only: no test or benchmark classes
        String appCp = entries.stream().filter(e -> !e.endsWith("test-classes") && !Files.isDirectory(Path.of(e, "org", "vouchsafe", "bench")))
                .collect(Collectors.joining(File.pathSeparator));
        String bareCp = entries.stream().filter(e -> !e.endsWith(File.separator + "classes") && !APP_ONLY.matcher(e).matches())
                .collect(Collectors.joining(File.pathSeparator));
        for (String db : dbs.equals("all") ? List.of("h2", "postgres") : List.of(dbs)) {
            List<String> dbArgs = db.equals("postgres")
                    ? List.of("--spring.datasource.url=" + BenchApp.PG_URL, "--spring.datasource.username=" + BenchApp.PG_USER,
                            "--spring.datasource.password=" + BenchApp.PG_PASSWORD)
                    : List.of("--spring.datasource.url=jdbc:h2:mem:p5;DB_CLOSE_DELAY=-1");
            if (db.equals("postgres")) {
                BenchApp.emptyPostgres();
            }
            // The demo scenario is not part of the application's start-up: it seeds after "Started" (an
            // ApplicationRunner) and only into an empty database; measured here without it, like the bare app.
            List<String> appArgs = new ArrayList<>(List.of("--spring.profiles.active=" + (db.equals("postgres") ? "postgres,demo" : "demo"),
                    "--vouchsafe.demo.scenario=false"));
            appArgs.addAll(dbArgs);
            List<String> bareArgs = new ArrayList<>(List.of("--spring.config.location=classpath:bench/bare-app.yml"));
            bareArgs.addAll(dbArgs);
            // one unmeasured start each: on PostgreSQL it creates the schemas, so that measured starts find them (as in production)
            start(jvm(FLAGS, appCp, "org.vouchsafe.VouchsafeApplication"), appArgs);
            if (db.equals("postgres")) {
                BenchApp.emptyPostgres();
            }
            start(jvm(FLAGS, bareCp, "org.vouchsafe.bench.bare.BareCamundaApp"), bareArgs);
            Sample app = sample(runs, FLAGS, appCp, "org.vouchsafe.VouchsafeApplication", appArgs);
            Sample bare = sample(runs, FLAGS, bareCp, "org.vouchsafe.bench.bare.BareCamundaApp", bareArgs);
            Results.line(String.format(Locale.ROOT, "| P5 | %s | Vouchsafe | start %.2f s | RSS %d MB | bare Boot + Camunda | start %.2f s "
                            + "| RSS %d MB | start %.2f× , RSS %.2f× (target ≤ 1.3×) | median of %d, flags %s |",
                    db, app.seconds, app.rssMb, bare.seconds, bare.rssMb, app.seconds / bare.seconds,
                    (double) app.rssMb / bare.rssMb, runs, String.join(" ", FLAGS)));
            if (db.equals("h2")) {
                options(runs, appCp, appArgs);
            }
        }
        System.exit(0);
    }

    /** Start-up options for Vouchsafe on H2. */
    static void options(int runs, String appCp, List<String> appArgs) throws Exception {
        List<String> c1 = new ArrayList<>(FLAGS);
        c1.add("-XX:TieredStopAtLevel=1");
        report("class path, C1 only (-XX:TieredStopAtLevel=1)", sample(runs, c1, appCp, "org.vouchsafe.VouchsafeApplication", appArgs));
        Path jar = Files.list(Path.of("target")).filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst().orElse(null);
        if (jar == null) {
            Results.line("| P5 | h2 | AppCDS | skipped: no target/*.jar (run mvn package first) |");
            return;
        }
        Path extracted = Path.of("target", "bench", "extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", extracted.toString()));
        Path app = extracted.resolve(jar.getFileName());
        report("extracted jar (java -Djarmode=tools -jar … extract)", sampleJar(runs, FLAGS, app, appArgs));
        Path archive = Path.of("target", "bench", "vouchsafe.jsa");
        Files.deleteIfExists(archive);
        List<String> train = new ArrayList<>(FLAGS);
        train.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", app.toString()));
        train.addAll(appArgs);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(train);
        run(command);
        List<String> cds = new ArrayList<>(FLAGS);
        cds.add("-XX:SharedArchiveFile=" + archive);
        report("extracted jar + AppCDS (-XX:SharedArchiveFile, trained with -XX:ArchiveClassesAtExit)", sampleJar(runs, cds, app, appArgs));
        List<String> cdsC1 = new ArrayList<>(cds);
        cdsC1.add("-XX:TieredStopAtLevel=1");
        report("extracted jar + AppCDS + C1 only", sampleJar(runs, cdsC1, app, appArgs));
    }

    static void report(String option, Sample s) {
        Results.line(String.format(Locale.ROOT, "| P5 | h2 | Vouchsafe, %s | start %.2f s | RSS %d MB |", option, s.seconds, s.rssMb));
    }

    record Sample(double seconds, long rssMb) {
    }

    static Sample sample(int runs, List<String> flags, String cp, String main, List<String> args) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] r = start(jvm(flags, cp, main), args);
            seconds.add(r[0]);
            rss.add((long) r[1]);
        }
        return new Sample(median(seconds), (long) median(rss.stream().map(Long::doubleValue).toList()));
    }

    static Sample sampleJar(int runs, List<String> flags, Path jar, List<String> args) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> jvm = new ArrayList<>(flags);
            jvm.addAll(List.of("-jar", jar.toString()));
            double[] r = start(jvm, args);
            seconds.add(r[0]);
            rss.add((long) r[1]);
        }
        return new Sample(median(seconds), (long) median(rss.stream().map(Long::doubleValue).toList()));
    }

    static List<String> jvm(List<String> flags, String cp, String main) {
        List<String> jvm = new ArrayList<>(flags);
        jvm.addAll(List.of("-cp", cp, main));
        return jvm;
    }

    /** Starts a JVM, waits for Spring Boot's "Started" line, reads RSS 5 s later, then stops it. Returns {seconds, rss MB}. */
    static double[] start(List<String> jvm, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvm);
        command.add("--server.port=0");
        command.add("--server.address=127.0.0.1");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // one thread reads the output to its end, so the child never blocks on a full pipe
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && process.isAlive()) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                Matcher m = line == null ? null : STARTED.matcher(line);
                if (m != null && m.find()) {
                    double seconds = Double.parseDouble(m.group(2));
                    Thread.sleep(5_000);
                    return new double[] {seconds, rssMb(process.pid())};
                }
            }
            throw new IllegalStateException("no 'Started' line from " + String.join(" ", command));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    static long rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
