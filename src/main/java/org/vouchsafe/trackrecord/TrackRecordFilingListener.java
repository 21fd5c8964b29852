package org.vouchsafe.trackrecord;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.FilingListener;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;

/** Stores the filing payload's track-record entries in the filing transaction. */
@Component
class TrackRecordFilingListener implements FilingListener {

    private final TrackRecordService trackRecord;

    TrackRecordFilingListener(TrackRecordService trackRecord) {
        this.trackRecord = trackRecord;
    }

    @Override
    public void filed(MembershipRequest request, FilingRequest filing) {
        if (filing.evidence() != null && filing.evidence().trackRecord() != null && !filing.evidence().trackRecord().isEmpty()) {
            trackRecord.addFromFiling(request.getId(), filing.evidence().trackRecord());
        }
    }
}
