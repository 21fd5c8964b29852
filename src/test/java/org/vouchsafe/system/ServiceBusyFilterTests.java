package org.vouchsafe.system;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pool timeout while a filter checks a password is a 503 with Retry-After, not a 500. */
class ServiceBusyFilterTests {

    @Test
    void shouldAnswer503WhenThePoolRanDryInAFilter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ServiceBusyFilter().doFilter(new MockHttpServletRequest("POST", "/api/requests"), response, (req, res) -> {
            throw new RuntimeException("ENGINE", new CannotCreateTransactionException("Could not open JPA EntityManager",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("busy").doesNotContain("Hikari");
    }

    @Test
    void shouldLetAnyOtherFailureThrough() {
        assertThatThrownBy(() -> new ServiceBusyFilter().doFilter(new MockHttpServletRequest("GET", "/api/requests"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
