package org.vouchsafe.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes as an orchestrator and a script see them: liveness and readiness answer without a
 * password; readiness is UP once the accounts and the list key are in place, and a start-up task
 * still running takes it (and the API, with 503 and Retry-After) out of service while liveness stays UP.
 */
@VouchsafeTest
class ReadinessHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReadinessGate gate;

    @Test
    void shouldBeReadyOnceTheAccountsAndTheListKeyAreInPlace() {
        Api api = new Api(rest);

        Api.Response readiness = api.get(null, "/actuator/health/readiness");
        Api.Response liveness = api.get(null, "/actuator/health/liveness");

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
        assertThat(gate.pending()).isEmpty();
        assertThat(api.get("applicant", "/api/requests").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTrafficWhileAStartUpTaskRunsAndStayAlive() {
        Api api = new Api(rest);
        ReadinessGate.StartupTask scenario = gate.register("a seeding still running");
        try {
            Api.Response readiness = api.get(null, "/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(api.get(null, "/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");

            // a demo account that may not exist yet gets "come back", not 401, and no password is checked
            Api.Response call = api.get("applicant", "/api/requests");
            assertThat(call.status()).as(call.toString()).isEqualTo(503);
            assertThat(call.header("Retry-After")).isEqualTo(NotReadyFilter.RETRY_AFTER_SECONDS);
            assertThat(call.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("nobody", "/api/requests").status()).isEqualTo(503);
        } finally {
            scenario.done();
        }

        assertThat(api.get(null, "/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
        assertThat(api.get("applicant", "/api/requests").status()).isEqualTo(200);
    }
}
