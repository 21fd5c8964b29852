package org.vouchsafe.criteria;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.system.RateLimiter;

/** {@code POST /api/self-assessment}: open to anonymous callers, rate-limited per client address. */
@RestController
class SelfAssessmentController {

    private final SelfAssessmentService assessments;
    private final RateLimiter rateLimiter;

    SelfAssessmentController(SelfAssessmentService assessments, RateLimiter rateLimiter) {
        this.assessments = assessments;
        this.rateLimiter = rateLimiter;
    }

    @Operation(summary = "Every automated check on a filing payload, nothing stored",
            description = "Answers `criteria[]` in the shape of `GET /api/requests/{id}` (`number`, `title`, "
                    + "`check: {outcome, reasons}`), the `problems` filing would refuse, `signals` about the request as "
                    + "a whole (e.g. `ONE_DISTRO`) and features' `details`. The flat `checks[]` (`number, title, "
                    + "outcome, reasons`) is deprecated and kept for one release.")
    @PostMapping(path = "/api/self-assessment", consumes = MediaType.APPLICATION_JSON_VALUE)
    SelfAssessment assess(@RequestBody FilingRequest filing, HttpServletRequest request) {
        rateLimiter.acquire("self-assessment", request.getRemoteAddr());
        return assessments.assess(filing);
    }
}
