package org.vouchsafe.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void shouldAnswerAnExhaustedConnectionPoolWith503AndWhenToRetry() {
        ResponseEntity<Object> response = handler.busy(new CannotCreateTransactionException("pool exhausted"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(((ProblemDetail) response.getBody()).getDetail()).doesNotContain("pool exhausted");
    }

    @Test
    void shouldAnswer503AlsoWhenTheEngineWrappedThePoolTimeout() {
        // Camunda wraps what the transaction manager threw in its own exception type
        Exception wrapped = new RuntimeException("ENGINE-xxxx", new CannotCreateTransactionException("Could not open JPA EntityManager",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        ResponseEntity<Object> response = handler.unexpected(wrapped);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void shouldNeverShowAnUnexpectedExceptionsMessage() {
        ResponseEntity<Object> response = handler.unexpected(new IllegalStateException("secret internal detail"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).doesNotContain("secret internal detail")
                .contains("reference");
    }

    @Test
    void shouldAnswerAnyDomainRefusalFromWhatItSaysOfItselfEvenWhenWrapped() {
        // a refusal of a feature the handler has never heard of, wrapped as the engine wraps a listener's
        DomainException gone = new DomainException("The request was withdrawn.") {
            @Override
            public HttpStatus status() {
                return HttpStatus.GONE;
            }

            @Override
            public java.util.Map<String, Object> properties() {
                return java.util.Map.of("reason", "WITHDRAWN");
            }
        };

        ResponseEntity<Object> response = handler.unexpected(new RuntimeException("ENGINE-03051 listener failed", gone));

        assertThat(response.getStatusCode().value()).isEqualTo(410);
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getDetail()).isEqualTo("The request was withdrawn.");
        assertThat(body.getProperties()).containsEntry("reason", "WITHDRAWN").containsKey("errors");
    }

    @Test
    void shouldSayWhenToRetryAfterARateLimit() {
        ResponseEntity<Object> response = handler.domain(new TooManyRequestsException("Slow down.", 42));

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
    }
}
