package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriterionCheck;
import org.vouchsafe.intake.MembershipRequest;

/**
 * C3: the track record judged from its evidence by the {@code trackRecord} DMN table. A
 * request being filed or self-assessed is judged on the payload's entries; a stored request
 * on its stored entries, which grow as the applicant uploads more.
 */
@Component("trackRecordCriterionCheck")
class TrackRecordCriterionCheck implements CriterionCheck {

    private final TrackRecordService trackRecord;

    TrackRecordCriterionCheck(TrackRecordService trackRecord) {
        this.trackRecord = trackRecord;
    }

    @Override
    public int criterion() {
        return 3;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        LocalDate filedOn = request.getFiledAt() == null ? today : LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC);
        if (request.getDraftTrackRecord() != null) {
            return trackRecord.checkDraft(request.getDraftTrackRecord(), filedOn, request.isDownstream());
        }
        return trackRecord.assess(request.getId(), filedOn, request.isDownstream()).check();
    }
}
