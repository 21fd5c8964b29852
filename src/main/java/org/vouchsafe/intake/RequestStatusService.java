package org.vouchsafe.intake;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a request's status changes. The process model calls it when a stage starts or a
 * decision's flow is taken ({@code ${requestStatus.enter(execution, 'IN_REVIEW')}} in
 * {@code processes/membership-request.bpmn}); no feature sets a status itself, so the statuses a
 * request can pass through are the ones the model names.
 */
@Service
public class RequestStatusService {

    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RequestStatusService(Requests requests, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void move(String requestId, RequestStatus status) {
        MembershipRequest request = requests.require(requestId);
        RequestStatus from = request.getStatus();
        Instant now = clock.instant();
        request.moveTo(status, now);
        if (from != status) {
            events.publishEvent(new RequestStatusChanged(requestId, from, status, now));
        }
    }
}
