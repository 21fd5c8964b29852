package org.vouchsafe.system.hardening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the Camunda lock-down ({@code vouchsafe.hardening.*}).
 *
 * @param queryMaxResults the engine's {@code queryMaxResultsLimit}: the most results one query
 *        may return to an authenticated user (REST API, webapps)
 * @param maxInspectedBody the largest request body the expression filter reads and inspects on
 *        {@code /engine-rest} and {@code /camunda/api}; larger bodies are refused with 413
 */
@ConfigurationProperties("vouchsafe.hardening")
record HardeningProperties(
        @DefaultValue("2000") int queryMaxResults,
        @DefaultValue("1MB") DataSize maxInspectedBody) {

    HardeningProperties {
        if (queryMaxResults < 1) {
            throw new IllegalArgumentException("vouchsafe.hardening.query-max-results must be positive");
        }
        if (maxInspectedBody.toBytes() < 1 || maxInspectedBody.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("vouchsafe.hardening.max-inspected-body must be between 1 byte and 2 GB");
        }
    }
}
