package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.DeferralDefaults;

/** When criterion 3 failed only because the record is too young, defer until it is a year long. */
@Component
class TrackRecordDeferralDefault implements DeferralDefaults {

    private final TrackRecordService trackRecord;
    private final Requests requests;

    TrackRecordDeferralDefault(TrackRecordService trackRecord, Requests requests) {
        this.trackRecord = trackRecord;
        this.requests = requests;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> deferUntil(String requestId) {
        return requests.find(requestId).flatMap(request -> trackRecord
                .assess(requestId, LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC), request.isDownstream())
                .deferDefault());
    }
}
