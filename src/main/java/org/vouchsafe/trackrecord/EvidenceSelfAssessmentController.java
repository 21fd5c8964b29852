package org.vouchsafe.trackrecord;

import io.swagger.v3.oas.annotations.Operation;
import org.vouchsafe.intake.TrackRecordEntryInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.criteria.SelfAssessment;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.system.RateLimiter;

/**
 * {@code POST /api/self-assessment} with track-record evidence alone (a CSV file or a zip of OSV
 * records) instead of a filing payload: a prospective applicant learns criterion 3's verdict,
 * the statistics and when they become eligible, before writing anything else. Nothing is stored.
 */
@RestController
class EvidenceSelfAssessmentController {

    private final TrackRecordService trackRecord;
    private final Catalogue catalogue;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    EvidenceSelfAssessmentController(TrackRecordService trackRecord, Catalogue catalogue, RateLimiter rateLimiter,
                                     Clock clock) {
        this.trackRecord = trackRecord;
        this.catalogue = catalogue;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** {@code downstream=true} when the distro derives from another one (adds the lead over upstream). */
    @Operation(summary = "Run every automated check without filing; nothing is stored")
    @PostMapping(path = "/api/self-assessment", consumes = {"text/csv", "application/zip", "application/x-zip-compressed"})
    SelfAssessment assess(@RequestBody(required = false) byte[] body, @RequestHeader("Content-Type") String contentType,
                          @RequestParam(name = "downstream", defaultValue = "false") boolean downstream,
                          HttpServletRequest request) {
        rateLimiter.acquire("self-assessment", request.getRemoteAddr());
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is empty; send the CSV (header issue,public_date,fix_date,"
                    + "via_distros,reference,upstream_fix_date) or a zip of OSV records.");
        }
        List<TrackRecordEntryInput> entries = trackRecord.readUpload(body, contentType);
        TrackRecordAssessment assessment = trackRecord.assess(entries, LocalDate.now(clock), downstream);
        return SelfAssessment.of(List.of(new SelfAssessment.AssessedCriterion(3, catalogue.criterion(3).title(),
                new SelfAssessment.AssessedCheck(assessment.check().outcome().name(), assessment.check().reasons()))), List.of(),
                List.of(), Map.of(TrackRecordSelfAssessment.SECTION, TrackRecordSelfAssessment.section(assessment)));
    }
}
