package org.vouchsafe.workflow;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly the lost race is kept out of the log: Camunda's ENGINE-16004 with "task is null" (or the
 * NPE of a half-deleted task) raised inside a task completion that answers the race itself. The
 * same line outside such a completion, another exception or another engine message still logs.
 */
class HandledRaceLogTests {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger engine = context.getLogger(HandledRaceLog.LOGGER);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private HandledRaceLog filter;

    @BeforeEach
    void attach() {
        filter = new HandledRaceLog();
        log.start();
        engine.addAppender(log);
    }

    @AfterEach
    void detach() {
        engine.detachAppender(log);
    }

    @Test
    void shouldDropTheLostRaceInsideACompletionThatAnswersIt() {
        HandledRaceLog.expectingRace(() -> {
            logLikeCamunda(new NullValueException("Cannot find task with id 42: task is null"));
            logLikeCamunda(new NullPointerException("activityInstanceId is null"));
            return null;
        });

        assertThat(log.list).isEmpty();
    }

    @Test
    void shouldKeepTheSameLineOutsideSuchACompletion() {
        logLikeCamunda(new NullValueException("Cannot find task with id 42: task is null"));

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
    }

    @Test
    void shouldKeepOtherExceptionsAndOtherMessagesInsideACompletion() {
        HandledRaceLog.expectingRace(() -> {
            logLikeCamunda(new IllegalStateException("a bug in a listener"));
            engine.error("ENGINE-16006 Exception while invoking onCommandFailed()", new NullPointerException());
            return null;
        });

        assertThat(log.list).hasSize(2);
    }

    /** ContextLogger.errorException: the code in the message, the exception as the last argument. */
    private void logLikeCamunda(Throwable t) {
        engine.error("ENGINE-16004 Exception while closing command context: {}", t.getMessage(), t);
    }
}
