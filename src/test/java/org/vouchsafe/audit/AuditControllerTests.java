package org.vouchsafe.audit;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * The role rules of the audit API. The application's problem+json handler is not part of this
 * slice, so a minimal advice maps the problem exceptions to their statuses.
 */
@WebMvcTest(AuditController.class)
@Import({AuditControllerTests.MethodSecurity.class, AuditControllerTests.ProblemStatuses.class})
class AuditControllerTests {

    private static final String REQUEST = "3f2b6a9e-0c1d-4e5f-8a7b-1c2d3e4f5a6b";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditLog auditLog;

    @MockitoBean
    RequestFilers requestFilers;

    @BeforeEach
    void twoEvents() {
        given(auditLog.eventsOf(REQUEST)).willReturn(List.of(
                new AuditEvent(1, "e1", Instant.parse("2026-11-01T09:00:00.123456Z"), "erin", AuditAction.REQUEST_FILED,
                        REQUEST, "Request filed", Map.of("list", "distros"), true),
                new AuditEvent(2, "e2", Instant.parse("2026-11-02T09:00:00Z"), "rita", AuditAction.VOTE_CAST,
                        REQUEST, "Vote cast", Map.of("vote", "REJECT"), false)));
        given(requestFilers.filerOf(anyString())).willReturn(Optional.empty());
        given(requestFilers.filerOf(REQUEST)).willReturn(Optional.of("erin"));
    }

    @Test
    @WithMockUser(username = "ada", authorities = "list-admins")
    void shouldShowAdminsEveryEventInCamelCase() throws Exception {
        mvc.perform(get("/api/audit").param("request", REQUEST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].seq").value(1))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-11-01T09:00:00.123456Z"))
                .andExpect(jsonPath("$[0].actor").value("erin"))
                .andExpect(jsonPath("$[0].action").value("REQUEST_FILED"))
                .andExpect(jsonPath("$[0].requestId").value(REQUEST))
                .andExpect(jsonPath("$[0].summary").value("Request filed"))
                .andExpect(jsonPath("$[0].details.list").value("distros"))
                .andExpect(jsonPath("$[1].details.vote").value("REJECT"))
                .andExpect(jsonPath("$[0].hash").doesNotExist())
                .andExpect(jsonPath("$[0].publicToApplicant").doesNotExist());
    }

    @Test
    @WithMockUser(username = "erin", authorities = "applicants")
    void shouldShowTheApplicantOnlyThePublicEventsOfTheirRequest() throws Exception {
        mvc.perform(get("/api/audit").param("request", REQUEST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].action").value("REQUEST_FILED"));
    }

    @Test
    @WithMockUser(username = "frank", authorities = "applicants")
    void shouldAnswerNotFoundForAnotherApplicantsRequest() throws Exception {
        mvc.perform(get("/api/audit").param("request", REQUEST))
                .andExpect(status().isNotFound());
        verify(auditLog, never()).eventsOf(anyString());
    }

    @Test
    @WithMockUser(username = "erin", authorities = "applicants")
    void shouldAnswerNotFoundForAnUnknownRequest() throws Exception {
        mvc.perform(get("/api/audit").param("request", "no-such-request"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "rita", authorities = {"reviewers", "vouchers"})
    void shouldForbidReviewersAndVouchers() throws Exception {
        mvc.perform(get("/api/audit").param("request", REQUEST))
                .andExpect(status().isForbidden());
        verify(auditLog, never()).eventsOf(anyString());
    }

    @Test
    void shouldRequireAuthentication() throws Exception {
        mvc.perform(get("/api/audit").param("request", REQUEST))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(username = "ada", authorities = "list-admins")
    void shouldLetAdminsVerifyTheChain() throws Exception {
        given(auditLog.verify()).willReturn(AuditVerification.broken(4, 5, AuditVerification.Break.HASH_MISMATCH,
                "event 5 was changed after it was written", 9, "ab".repeat(32)));

        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.eventsChecked").value(4))
                .andExpect(jsonPath("$.firstBrokenSeq").value(5))
                .andExpect(jsonPath("$.reason").value("HASH_MISMATCH"))
                .andExpect(jsonPath("$.headSeq").value(9));
    }

    @Test
    @WithMockUser(username = "erin", authorities = {"applicants", "reviewers", "vouchers"})
    void shouldForbidVerificationToAnyoneButAdmins() throws Exception {
        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isForbidden());
        verify(auditLog, never()).verify();
    }

    @Test
    @WithMockUser(username = "ada", authorities = "list-admins")
    void shouldLetAdminsPageThroughTheWholeLogAfterASequenceNumber() throws Exception {
        given(auditLog.eventsAfter(7, 2)).willReturn(List.of(
                new AuditEvent(8, "e8", Instant.parse("2026-11-03T09:00:00Z"), "ada", AuditAction.IDENTITY_CHANGED,
                        null, "ada changed Camunda identities (save user): created user carl", Map.of("command", "SaveUserCmd"),
                        false)));

        mvc.perform(get("/api/audit").param("after", "7").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].seq").value(8))
                .andExpect(jsonPath("$[0].action").value("IDENTITY_CHANGED"))
                .andExpect(jsonPath("$[0].requestId").isEmpty())
                .andExpect(jsonPath("$[0].details.command").value("SaveUserCmd"));
    }

    @Test
    @WithMockUser(username = "ada", authorities = "list-admins")
    void shouldReadTheLogFromItsStartByDefault() throws Exception {
        mvc.perform(get("/api/audit"))
                .andExpect(status().isOk());
        verify(auditLog).eventsAfter(0, AuditController.DEFAULT_LIMIT);
    }

    @Test
    @WithMockUser(username = "ada", authorities = "list-admins")
    void shouldRefuseANegativeStartAndAnOversizedPage() throws Exception {
        mvc.perform(get("/api/audit").param("after", "-1").param("limit", "501"))
                .andExpect(status().isBadRequest());
        verify(auditLog, never()).eventsAfter(anyLong(), anyInt());
    }

    @Test
    @WithMockUser(username = "erin", authorities = {"applicants", "reviewers", "vouchers"})
    void shouldForbidTheWholeLogToAnyoneButAdmins() throws Exception {
        mvc.perform(get("/api/audit").param("after", "0"))
                .andExpect(status().isForbidden());
        verify(auditLog, never()).eventsAfter(anyLong(), anyInt());
    }

    @TestConfiguration
    @EnableMethodSecurity
    static class MethodSecurity {
    }

    @TestComponent
    @RestControllerAdvice
    static class ProblemStatuses {

        @ExceptionHandler(NotFoundException.class)
        @ResponseStatus(HttpStatus.NOT_FOUND)
        void notFound() {
        }

        @ExceptionHandler(ForbiddenException.class)
        @ResponseStatus(HttpStatus.FORBIDDEN)
        void forbidden() {
        }

        @ExceptionHandler(InvalidInputException.class)
        @ResponseStatus(HttpStatus.BAD_REQUEST)
        void invalid() {
        }
    }
}
