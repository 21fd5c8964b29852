package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.RequestStatusChanged;

/**
 * Test-only bean (picked up by the shared context's component scan): every status each request
 * entered, in order, from whichever thread moved it (requests, jobs, timers).
 */
@Component
class StatusTrail {

    private final Map<String, List<RequestStatus>> trails = new ConcurrentHashMap<>();

    @EventListener
    void on(RequestStatusChanged changed) {
        trails.computeIfAbsent(changed.requestId(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(changed.to());
    }

    List<RequestStatus> of(String requestId) {
        List<RequestStatus> trail = trails.getOrDefault(requestId, List.of());
        synchronized (trail) {
            return List.copyOf(trail);
        }
    }
}
