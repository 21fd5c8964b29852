package org.vouchsafe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the application may take traffic: Spring Boot's own readiness (the context is up and
 * every {@code ApplicationReadyEvent} listener has returned) <em>and</em> every start-up task
 * registered here has finished. The port opens before the seeding listeners run, and a seeder
 * may finish later still (on another thread, say), so Spring Boot's readiness alone would let a
 * client in before the accounts or the list key exist: a demo account that is about to be seeded
 * would get 401 for a correct password.
 * <p>
 * A component that must be in place first registers when it is created and reports
 * {@link StartupTask#done()} when it is. The readiness probe ({@code /actuator/health/readiness})
 * and the {@code /api} gate ({@code NotReadyFilter}) both ask {@link #isReady()}; docs/adr/0013.
 * A task registered after the application was ready takes it out of service until it is done.
 */
@Component
public class ReadinessGate {

    private static final Logger log = LoggerFactory.getLogger(ReadinessGate.class);

    private final ApplicationAvailability availability;
    private final Map<StartupTask, String> pending = new ConcurrentHashMap<>();
    private final List<String> finished = new ArrayList<>();

    ReadinessGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    /** Holds readiness back until the returned task is {@linkplain StartupTask#done() done}. */
    public StartupTask register(String what) {
        StartupTask task = new StartupTask(this, what);
        pending.put(task, what);
        return task;
    }

    /** Ready for traffic: Spring Boot says so and no registered task is pending. */
    public boolean isReady() {
        return pending.isEmpty() && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    /** What readiness still waits for, in no particular order. */
    public List<String> pending() {
        return List.copyOf(pending.values());
    }

    void finished(StartupTask task) {
        if (pending.remove(task) == null) {
            return;
        }
        synchronized (finished) {
            finished.add(task.what());
        }
        if (isReady()) {
            announce();
        }
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        if (pending.isEmpty()) {
            announce();
        } else {
            log.info("Started; not ready for traffic until these are in place: {}", pending());
        }
    }

    private void announce() {
        synchronized (finished) {
            log.info("Ready for traffic ({} in place)", String.join(", ", finished));
        }
    }

    /** A start-up task readiness waits for; {@link #done()} may be called from any thread, and more than once. */
    public static final class StartupTask {

        private final ReadinessGate gate;
        private final String what;

        private StartupTask(ReadinessGate gate, String what) {
            this.gate = gate;
            this.what = what;
        }

        /** What the task puts in place, as the log says it. */
        public String what() {
            return what;
        }

        /** The task's work is in place: readiness no longer waits for it. */
        public void done() {
            gate.finished(this);
        }
    }
}
