package org.vouchsafe.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded event as the log hands it out: its place in the chain ({@code seq}), when and
 * by whom, what, the request it concerns (null for list-wide events such as a threshold
 * change) and whether the request's applicant may see it.
 */
public record AuditEvent(
        long seq,
        String id,
        Instant occurredAt,
        String actor,
        AuditAction action,
        String requestId,
        String summary,
        Map<String, String> details,
        boolean publicToApplicant) {

    public AuditEvent {
        // sorted, as stored, so that what callers and the JSON API show matches the hashed form
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
