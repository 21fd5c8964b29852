package org.vouchsafe.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.Roles;

/**
 * Reading the audit trail. List admins see every event of a request; the applicant who filed
 * a request sees its public events; an applicant asking about someone else's (or an unknown)
 * request gets 404 so that ids cannot be probed; anyone else gets 403.
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

    @GetMapping
    List<AuditEventView> events(@RequestParam("request") String requestId, Authentication caller) {
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
