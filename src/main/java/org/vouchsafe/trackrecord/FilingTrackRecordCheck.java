package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.FilingCheck;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.problem.FieldProblem;

/** The filing payload's track-record entries follow the same rules as an upload. */
@Component
public class FilingTrackRecordCheck implements FilingCheck {

    private final TrackRecordService trackRecord;

    public FilingTrackRecordCheck(TrackRecordService trackRecord) {
        this.trackRecord = trackRecord;
    }

    @Override
    public void validate(FilingRequest filing, LocalDate today, List<FieldProblem> problems) {
        if (filing.evidence() != null && filing.evidence().trackRecord() != null) {
            problems.addAll(trackRecord.validate(filing.evidence().trackRecord(), "evidence.trackRecord", today));
        }
    }
}
