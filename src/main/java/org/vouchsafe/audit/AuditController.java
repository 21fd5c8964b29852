package org.vouchsafe.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.problem.QueryParameters;
import org.vouchsafe.system.Roles;

/**
 * Reading the audit trail. List admins see every event of a request; the applicant who filed
 * a request sees its public events; an applicant asking about someone else's (or an unknown)
 * request gets 404 so that ids cannot be probed; anyone else gets 403. Without a request, list
 * admins page through the whole log after a sequence number ({@code ?after=&limit=}): that is
 * where events that concern no single request are read, such as engine and identity changes
 * made through Camunda's REST API and webapps.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog auditLog;
    private final RequestFilers requestFilers;

    AuditController(AuditLog auditLog, RequestFilers requestFilers) {
        this.auditLog = auditLog;
        this.requestFilers = requestFilers;
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @Operation(summary = "Audit events of a request, or the whole log page by page (list admins)")
    @GetMapping
    List<AuditEventView> events(@RequestParam(name = "request", required = false) String requestId,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "limit", required = false) String limit, Authentication caller) {
        if (requestId == null) {
            return log(after, limit, caller);
        }
        if (has(caller, Roles.LIST_ADMINS)) {
            return auditLog.eventsOf(requestId).stream().map(AuditEventView::of).toList();
        }
        boolean filedByCaller = requestFilers.filerOf(requestId).filter(caller.getName()::equals).isPresent();
        if (filedByCaller) {
            return auditLog.eventsOf(requestId).stream()
                    .filter(AuditEvent::publicToApplicant)
                    .map(AuditEventView::of)
                    .toList();
        }
        if (has(caller, Roles.APPLICANTS)) {
            throw new NotFoundException("There is no membership request " + requestId + " of yours.");
        }
        throw new ForbiddenException("Only list admins and the request's applicant may read its audit trail.");
    }

    private List<AuditEventView> log(String after, String limit, Authentication caller) {
        if (!has(caller, Roles.LIST_ADMINS)) {
            throw new ForbiddenException("Only list admins may read the whole audit log; "
                    + "ask for one request's trail with ?request={id}.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        long afterSeq = QueryParameters.wholeNumber("after", after, 0L, 0L, Long.MAX_VALUE, problems);
        int pageSize = QueryParameters.wholeNumber("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return auditLog.eventsAfter(afterSeq, pageSize).stream().map(AuditEventView::of).toList();
    }

    @Operation(summary = "Verify the audit log's hash chain")
    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('list-admins')")
    AuditVerification verify() {
        return auditLog.verify();
    }

    private static boolean has(Authentication caller, String authority) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    /** An event as the API shows it; the chain's hashes stay internal. */
    record AuditEventView(long seq, Instant occurredAt, String actor, AuditAction action, String requestId,
            String summary, Map<String, String> details) {

        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(event.seq(), event.occurredAt(), event.actor(), event.action(),
                    event.requestId(), event.summary(), event.details());
        }
    }
}
