package org.vouchsafe.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
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
    void shouldNeverShowAnUnexpectedExceptionsMessage() {
        ResponseEntity<Object> response = handler.unexpected(new IllegalStateException("secret internal detail"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).doesNotContain("secret internal detail")
                .contains("reference");
    }
}
