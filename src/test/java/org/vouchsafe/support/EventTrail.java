package org.vouchsafe.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.incidents.IncidentEscalated;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.RequestStatusChanged;
import org.vouchsafe.membership.MemberAdmitted;
import org.vouchsafe.membership.RequestDecided;
import org.vouchsafe.review.VoteCast;

/**
 * Test-only bean (picked up by the shared context's component scan): the domain events each
 * request caused, in order, from whichever thread published them (requests, jobs, timers).
 */
@Component
public class EventTrail {

    private final Map<String, List<Object>> trails = new ConcurrentHashMap<>();

    @EventListener
    void on(RequestStatusChanged event) {
        add(event.requestId(), event);
    }

    @EventListener
    void on(VoteCast event) {
        add(event.requestId(), event);
    }

    @EventListener
    void on(RequestDecided event) {
        add(event.requestId(), event);
    }

    @EventListener
    void on(MemberAdmitted event) {
        add(event.requestId(), event);
    }

    /** Kept under the incident's id. */
    @EventListener
    void on(IncidentEscalated event) {
        add(event.incidentId(), event);
    }

    private void add(String requestId, Object event) {
        trails.computeIfAbsent(requestId, id -> java.util.Collections.synchronizedList(new ArrayList<>())).add(event);
    }

    /** Every event of the request of {@code type}, in the order published. */
    public <T> List<T> of(String requestId, Class<T> type) {
        List<Object> trail = trails.getOrDefault(requestId, List.of());
        synchronized (trail) {
            return trail.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The statuses the request entered, in order. */
    public List<RequestStatus> statuses(String requestId) {
        return of(requestId, RequestStatusChanged.class).stream().map(RequestStatusChanged::to).toList();
    }
}
