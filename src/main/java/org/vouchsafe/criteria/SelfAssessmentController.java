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

    @Operation(summary = "Run every automated check without filing; nothing is stored")
    @PostMapping(path = "/api/self-assessment", consumes = MediaType.APPLICATION_JSON_VALUE)
    SelfAssessment assess(@RequestBody FilingRequest filing, HttpServletRequest request) {
        rateLimiter.acquire("self-assessment", request.getRemoteAddr());
        return assessments.assess(filing);
    }
}
