package org.vouchsafe.workflow;

import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's ERROR log for real errors. When a vote closes a review round, the engine
 * deletes the other reviewers' vote tasks; a second vote racing it finds its task gone
 * ({@link NullValueException} "task is null") or half gone (a {@link NullPointerException}), and
 * Camunda logs that as {@code ENGINE-16004 Exception while closing command context} at ERROR
 * with a stack trace, although {@link CamundaWorkflow} answers the user a clean 409. Operators
 * would learn to ignore ERROR lines.
 * <p>
 * Only exactly that is dropped: ENGINE-16004 of the logger {@code org.camunda.bpm.engine.context},
 * carrying one of those two exceptions, raised on a thread that is inside
 * {@link #expectingRace(Supplier)} (a task completion that translates the race itself). If it
 * turns out not to be the race (the task still exists), the caller rethrows and the API logs the
 * error with its reference; everywhere else (jobs, Tasklist, {@code /engine-rest}) the engine
 * logs as before.
 */
@Component
class HandledRaceLog {

    static final String LOGGER = "org.camunda.bpm.engine.context";
    static final String CODE = "ENGINE-16004";

    private static final ThreadLocal<Boolean> EXPECTING = new ThreadLocal<>();
    private static final Filter FILTER = new Filter();

    static {
        FILTER.setName("handled-race");
        FILTER.start();
    }

    private final LoggerContext context;

    HandledRaceLog() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        this.context = factory instanceof LoggerContext logback ? logback : null;
        if (context != null && !context.getTurboFilterList().contains(FILTER)) {
            context.addTurboFilter(FILTER);
        }
    }

    @PreDestroy
    void remove() {
        if (context != null) {
            context.getTurboFilterList().remove(FILTER);
        }
    }

    /** Runs an engine call whose lost race with a concurrent completion the caller answers itself. */
    static <T> T expectingRace(Supplier<T> call) {
        Boolean outer = EXPECTING.get();
        EXPECTING.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                EXPECTING.remove();
            }
        }
    }

    /** The race's exceptions: its task gone, or the engine tripping over its half-deleted state. */
    static boolean isRace(Throwable t) {
        return t instanceof NullValueException || t instanceof NullPointerException;
    }

    static final class Filter extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (level != Level.ERROR || EXPECTING.get() == null || format == null || !format.startsWith(CODE)
                    || !LOGGER.equals(logger.getName())) {
                return FilterReply.NEUTRAL;
            }
            // Camunda passes the exception as the last argument of the message, not as the throwable.
            Throwable thrown = t != null ? t
                    : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
            return isRace(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
