package org.vouchsafe.incidents;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.system.Roles;

/**
 * Leak incidents over REST. A member reports for their own distro; a list admin may report on a
 * member distro's behalf ({@code distroId}). Send references only (a thread subject or an id),
 * never the embargoed details: the lengths are capped accordingly.
 */
@RestController
@PreAuthorize("hasAnyAuthority('list-admins', 'members')")
class IncidentController {

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/api/incidents")
    @Operation(summary = "Report a leak of embargoed information",
            description = "A member reports for their own distro; a list admin on a member distro's behalf (distroId). "
                    + "Send references only: the thread's subject or an id, never the embargoed details "
                    + "(reference at most 200 characters, extent at most 500). The list admins are told at once "
                    + "(encrypted); the distro then confirms when it told the reporter and the list (POST …/notified) "
                    + "and files its final report (POST …/report).")
    ResponseEntity<IncidentView> report(@RequestBody IncidentInput input, Authentication user) {
        Incident incident = incidents.report(input, caller(user));
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.getId())).body(incidents.view(incident));
    }

    @Operation(summary = "Leak incidents: all for list admins, the caller's distro's for members")
    @GetMapping("/api/incidents")
    List<IncidentView> list(Authentication user) {
        return incidents.list(caller(user)).stream().map(incidents::view).toList();
    }

    @Operation(summary = "One leak incident with its clocks")
    @GetMapping("/api/incidents/{id}")
    IncidentView get(@PathVariable String id, Authentication user) {
        return incidents.view(incidents.get(id, caller(user)));
    }

    /** The distro told the reporter and the list; the REST twin of the notice task. */
    @Operation(summary = "Confirm when the reporter and the list were told of the leak")
    @PostMapping("/api/incidents/{id}/notified")
    IncidentView notified(@PathVariable String id, @RequestBody NoticeInput input, Authentication user) {
        return incidents.view(incidents.confirmNotice(id, input == null ? null : input.notifiedAt(), caller(user)));
    }

    /** The final report; the REST twin of the report task. */
    @Operation(summary = "File the final report: exact extent and measures")
    @PostMapping("/api/incidents/{id}/report")
    IncidentView report(@PathVariable String id, @RequestBody ReportInput input, Authentication user) {
        ReportInput given = input == null ? new ReportInput(null, null) : input;
        return incidents.view(incidents.submitReport(id, given.extent(), given.measures(), caller(user)));
    }

    @Operation(summary = "Judge the final report: accept, ask for more, or escalate (list admins)")
    @PostMapping("/api/incidents/{id}/closure")
    @PreAuthorize("hasAuthority('list-admins')")
    IncidentView closure(@PathVariable String id, @RequestBody ClosureInput input, Authentication user) {
        ClosureInput given = input == null ? new ClosureInput(null, null) : input;
        return incidents.view(incidents.close(id, given.outcome(), given.note(), caller(user)));
    }

    private static Caller caller(Authentication user) {
        return Caller.of(user);
    }

    /** @param notifiedAt when the reporter and the list were told (ISO-8601) */
    record NoticeInput(String notifiedAt) {
    }

    /** @param extent the exact extent of the leak; @param measures taken or intended */
    record ReportInput(String extent, String measures) {
    }

    /** @param outcome ACCEPTED, MORE_ASKED or ESCALATED; @param note required unless ACCEPTED */
    record ClosureInput(String outcome, String note) {
    }
}
