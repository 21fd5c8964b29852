package org.vouchsafe.intake;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.problem.NotFoundException;

/** Moves a request between statuses as the process reaches its stages. */
@Service
public class RequestStatusService {

    private final MembershipRequestRepository requests;
    private final Clock clock;

    public RequestStatusService(MembershipRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional
    public void move(String requestId, RequestStatus status) {
        requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."))
                .moveTo(status, clock.instant());
    }
}
