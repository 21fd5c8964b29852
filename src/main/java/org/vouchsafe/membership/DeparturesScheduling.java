package org.vouchsafe.membership;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Removals set for a later date take effect by a periodic check ({@link Departures#applyDueNow}):
 * a roster change is no process of its own, and the check is idempotent across cluster nodes.
 */
@Configuration
@EnableScheduling
class DeparturesScheduling {
}
