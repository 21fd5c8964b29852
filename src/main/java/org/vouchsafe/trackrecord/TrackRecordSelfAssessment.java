package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vouchsafe.criteria.SelfAssessmentContributor;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Adds the track-record statistics and the eligibility forecast to a self-assessment, so a
 * prospective applicant learns when their record will be long enough.
 */
@Component
class TrackRecordSelfAssessment implements SelfAssessmentContributor {

    /** The key of the track-record section in a self-assessment's details. */
    static final String SECTION = "trackRecord";

    private final TrackRecordService trackRecord;
    private final Clock clock;

    TrackRecordSelfAssessment(TrackRecordService trackRecord, Clock clock) {
        this.trackRecord = trackRecord;
        this.clock = clock;
    }

    @Override
    public void contribute(FilingRequest filing, Map<String, Object> details) {
        List<TrackRecordEntryInput> entries = filing.evidence() == null || filing.evidence().trackRecord() == null
                ? List.of() : filing.evidence().trackRecord();
        boolean downstream = filing.distro() != null && filing.distro().upstream() != null && !filing.distro().upstream().isBlank();
        try {
            details.put(SECTION, section(trackRecord.assess(entries, LocalDate.now(clock), downstream)));
        } catch (InvalidInputException e) {
            // The field problems are already listed by the filing validator; there are no statistics to show.
            details.put(SECTION, Map.of("outcome", "FAIL", "reasons",
                    List.of("Fix the track-record evidence problems listed above to see the statistics.")));
        }
    }

    /**
     * The {@value #SECTION} section of a self-assessment's details, built here only, so that a filing
     * draft and an evidence-only upload ({@link EvidenceSelfAssessmentController}) answer alike.
     */
    static Map<String, Object> section(TrackRecordAssessment assessment) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("statistics", assessment.statistics());
        section.put("outcome", assessment.check().outcome().name());
        section.put("reasons", assessment.check().reasons());
        section.put("eligibleFrom", assessment.eligibleFrom().orElse(null));
        return section;
    }
}
