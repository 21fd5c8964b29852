package org.vouchsafe.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness gate on its own: ready only when Spring Boot says the application accepts traffic
 * and every registered start-up task is done, whichever comes last; {@code /api} answers 503 with
 * Retry-After until then.
 */
class ReadinessGateTests {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final ReadinessGate gate = new ReadinessGate(availability);

    @Test
    void shouldStayOutOfServiceUntilTheLastStartUpTaskIsDone() {
        // given two start-up tasks, and the application started
        ReadinessGate.StartupTask accounts = gate.register("accounts");
        ReadinessGate.StartupTask listKey = gate.register("the list key");
        accepting();

        // then
        assertThat(gate.isReady()).isFalse();
        assertThat(gate.pending()).containsExactlyInAnyOrder("accounts", "the list key");

        // when one is done
        accounts.done();
        assertThat(gate.isReady()).isFalse();
        assertThat(gate.pending()).containsExactly("the list key");

        // when the last one is done (twice: done is idempotent)
        listKey.done();
        listKey.done();
        assertThat(gate.isReady()).isTrue();
        assertThat(gate.pending()).isEmpty();
    }

    @Test
    void shouldWaitForTheApplicationEvenWhenEveryTaskIsDone() {
        gate.register("accounts").done();

        assertThat(gate.isReady()).isFalse();

        accepting();
        assertThat(gate.isReady()).isTrue();
    }

    @Test
    void shouldGoOutOfServiceAgainWhileALateTaskRuns() {
        accepting();
        assertThat(gate.isReady()).isTrue();

        ReadinessGate.StartupTask scenario = gate.register("demo scenario");
        assertThat(gate.isReady()).isFalse();

        scenario.done();
        assertThat(gate.isReady()).isTrue();
    }

    @Test
    void shouldAnswerApiCalls503WithRetryAfterUntilReady() throws Exception {
        ReadinessGate.StartupTask accounts = gate.register("accounts");
        accepting();

        MockHttpServletResponse refused = call();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo(NotReadyFilter.RETRY_AFTER_SECONDS);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503", "\"errors\":[]", "not ready yet");

        accounts.done();
        assertThat(call().getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new NotReadyFilter(gate).doFilter(new MockHttpServletRequest("GET", "/api/requests"), response,
                (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response;
    }

    private void accepting() {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    }
}
