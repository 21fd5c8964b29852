package org.vouchsafe.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.system.DemoIdentities;
import org.vouchsafe.system.ReadinessGate;
import org.vouchsafe.system.StartupSeeding;

/**
 * Seeds the demo scenario once (demo profile, {@code vouchsafe.demo.scenario}, on by default there).
 * <p>
 * An {@link ApplicationRunner}, so that Spring Boot reports the application ready for traffic only
 * after it. Inside {@link StartupSeeding}'s lock and transaction: nodes starting together on one
 * database seed once (the second waits for the first to commit, then finds its requests), and a
 * start that fails half-way leaves nothing behind, so the next one seeds afresh. Only an empty
 * database gets the scenario: once any request exists (seeded before, or filed by someone), a start
 * seeds nothing.
 */
@Component
@Profile("demo")
class DemoScenarioRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoScenarioRunner.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final DemoIdentities accounts;
    private final StartupSeeding seeding;
    private final DemoScenario scenario;
    private final Requests requests;
    private final boolean enabled;
    /** Readiness waits for the scenario (a runner runs before Spring Boot reports ready; the gate says so explicitly). */
    private final ReadinessGate.StartupTask ready;

    DemoScenarioRunner(DemoIdentities accounts, StartupSeeding seeding, DemoScenario scenario, Requests requests,
                       @Value("${vouchsafe.demo.scenario:false}") boolean enabled, ReadinessGate gate) {
        this.ready = gate.register("demo scenario");
        this.accounts = accounts;
        this.seeding = seeding;
        this.scenario = scenario;
        this.requests = requests;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedOnce();
        ready.done();
    }

    /** Seeds the scenario unless it is switched off or the database holds a request; what was seeded, if anything. */
    Optional<DemoScenario.Seeded> seedOnce() {
        if (!enabled) {
            return Optional.empty();
        }
        // The reviewers must exist before the first review round opens; the accounts' own seeding
        // runs only when the application is ready, after this runner. Seeding them is idempotent.
        accounts.seed();
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        AtomicReference<DemoScenario.Seeded> seeded = new AtomicReference<>();
        seeding.run(() -> {
            if (requests.page(EnumSet.allOf(RequestStatus.class), null, PageRequest.of(0, 1)).hasContent()) {
                return;
            }
            seeded.set(scenario.seed());
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // On a busy host the wall time says more about the neighbours than about the seeding.
        Duration cpu = Duration.ofNanos(CPU.getCurrentThreadCpuTime() - cpuStarted);
        if (seeded.get() == null) {
            log.info("Demo scenario not seeded: the database already holds requests");
            return Optional.empty();
        }
        DemoScenario.Seeded s = seeded.get();
        log.info("Demo scenario seeded in {} ms ({} ms CPU): {} member distros with {} people on the roster, {} requests by "
                + "status {}", took.toMillis(), cpu.toMillis(), s.members(), s.people(), s.requests(), s.byStatus());
        return Optional.of(s);
    }
}
