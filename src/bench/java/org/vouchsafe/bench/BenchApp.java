package org.vouchsafe.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.vouchsafe.VouchsafeApplication;

/**
 * The application started in the benchmark's JVM, on H2 (in memory) or PostgreSQL
 * ({@code vouchsafe_bench}, emptied first), with the demo accounts, every SQL statement
 * counted, the job executor off (the benchmark runs due jobs itself, so only the measured work
 * touches the database) and the bare baseline process deployed next to the real one.
 */
final class BenchApp {

    static final String PG_URL = env("VOUCHSAFE_BENCH_DB_URL", "jdbc:postgresql://localhost:5432/vouchsafe_bench");
    static final String PG_USER = env("VOUCHSAFE_DB_USER", "vouchsafe");
    static final String PG_PASSWORD = env("VOUCHSAFE_DB_PASSWORD", "vouchsafe");

    private BenchApp() {
    }

    static ConfigurableApplicationContext start(String db, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--camunda.bpm.job-execution.enabled=false",
                "--vouchsafe.review.quorum=5",
                // The benchmarks measure the application, not the demo scenario's seeding.
                "--vouchsafe.demo.scenario=false",
                "--logging.level.root=warn",
                "--logging.level.org.camunda.bpm.engine.context=error"));
        if (db.equals("postgres")) {
            emptyPostgres();
            args.addAll(List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + PG_URL,
                    "--spring.datasource.username=" + PG_USER, "--spring.datasource.password=" + PG_PASSWORD));
        } else {
            args.addAll(List.of("--spring.profiles.active=demo",
                    "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
        }
        args.addAll(List.of(extra));
        SpringApplication app = new SpringApplication(VouchsafeApplication.class);
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("benchExcludeTestComponents", new ExcludeTestComponents());
            context.getBeanFactory().addBeanPostProcessor(new StatementCounter());
            context.getBeanFactory().registerSingleton("noop", (JavaDelegate) execution -> { });
        });
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        context.getBean(RepositoryService.class).createDeployment().name("bench")
                .addClasspathResource("bench/bare-lifecycle.bpmn").enableDuplicateFiltering(true).deploy();
        return context;
    }

    static void emptyPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Keeps the test tree's own components (tests, their nested configurations, helpers) out of the scan. */
    static final class ExcludeTestComponents extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return name.matches(".*(Tests|Test|IT)(\\$.*)?") || name.startsWith("org.vouchsafe.cluster.")
                    || name.startsWith("org.vouchsafe.bench.") || name.startsWith("org.vouchsafe.support.");
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
