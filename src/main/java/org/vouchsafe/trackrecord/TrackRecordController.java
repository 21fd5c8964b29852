package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Track-record evidence of a request: uploads (CSV, OSV JSON or a zip of OSV records), the
 * statistics and verdict, and the chart.
 */
@RestController
class TrackRecordController {

    /** Evidence may grow while reviewers are looking at the request, not after. */
    private static final Set<RequestStatus> OPEN_FOR_EVIDENCE = Set.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
            RequestStatus.NEEDS_INFO);

    private final TrackRecordService trackRecord;
    private final CriteriaService criteria;
    private final RequestAccess access;

    TrackRecordController(TrackRecordService trackRecord, CriteriaService criteria, RequestAccess access) {
        this.trackRecord = trackRecord;
        this.criteria = criteria;
        this.access = access;
    }

    /** The applicant adds evidence; the C3 check re-runs in the same transaction. */
    @Operation(summary = "Add track-record evidence (CSV, OSV JSON or a zip of OSV records); criterion 3 is checked again")
    @PostMapping(path = "/api/requests/{id}/track-record",
            consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE, "application/zip", "application/x-zip-compressed"})
    @Transactional
    ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                               @RequestHeader("Content-Type") String contentType, Authentication user) {
        MembershipRequest request = access.owned(id, user);
        if (!OPEN_FOR_EVIDENCE.contains(request.getStatus())) {
            throw new ConflictException("The request is " + request.getStatus() + "; evidence can be added while it is "
                    + "in review or waiting for your answers.");
        }
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is empty; send the CSV (header issue,public_date,fix_date,via_distros,"
                    + "reference,upstream_fix_date), an OSV JSON array or a zip of OSV records.");
        }
        ImportResult result = trackRecord.importUpload(id, body, contentType);
        CheckResult check = criteria.run(id, 3);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", result.imported(), "source",
                result.source().name(), "totalEntries", result.totalForRequest(), "check", check));
    }

    /** Statistics and the verdict as reviewers see them. */
    @Operation(summary = "A request's track-record statistics, criterion 3's verdict and the eligibility date")
    @GetMapping("/api/requests/{id}/track-record")
    @Transactional(readOnly = true)
    Map<String, Object> read(@PathVariable String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        TrackRecordAssessment assessment = trackRecord.assess(id, filedOn(request), request.isDownstream());
        return Map.of("statistics", assessment.statistics(), "check", assessment.check(),
                "eligibleFrom", assessment.eligibleFrom().map(LocalDate::toString).orElse(""));
    }

    /** The latency histogram and the timeline of fixes, readable without JavaScript. */
    @Operation(summary = "A request's track record as a chart (SVG)")
    @GetMapping(path = "/api/requests/{id}/track-record.svg", produces = "image/svg+xml")
    @Transactional(readOnly = true)
    String svg(@PathVariable String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        return trackRecord.svg(id, filedOn(request));
    }

    private static LocalDate filedOn(MembershipRequest request) {
        return LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC);
    }
}
