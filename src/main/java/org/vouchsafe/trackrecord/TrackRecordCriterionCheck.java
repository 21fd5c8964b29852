package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriterionCheck;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.TrackRecordEntryInput;

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
        return trackRecord.assess(request.getId(), filedOn(request, today), request.isDownstream()).check();
    }

    /** A payload that is not stored is judged on its own entries. */
    @Override
    public CheckResult checkPayload(MembershipRequest request, FilingRequest filing, LocalDate today) {
        List<TrackRecordEntryInput> entries = filing.evidence() == null || filing.evidence().trackRecord() == null ? List.of()
                : filing.evidence().trackRecord().stream().filter(java.util.Objects::nonNull).toList();
        return trackRecord.checkDraft(entries, filedOn(request, today), request.isDownstream());
    }

    private static LocalDate filedOn(MembershipRequest request, LocalDate today) {
        return request.getFiledAt() == null ? today : LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC);
    }
}
