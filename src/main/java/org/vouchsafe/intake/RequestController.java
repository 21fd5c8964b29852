package org.vouchsafe.intake;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Filing and reading membership requests. */
@RestController
class RequestController {

    private final FilingService filing;
    private final RequestReader reader;

    RequestController(FilingService filing, RequestReader reader) {
        this.filing = filing;
        this.reader = reader;
    }

    /** Applicants file for their distro; list admins may file on someone's behalf. */
    @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('applicants', 'list-admins')")
    ResponseEntity<RequestView> file(@RequestBody FilingRequest body, Authentication user) {
        MembershipRequest request = filing.file(body, user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + request.getId())).body(reader.view(request.getId()));
    }

    /** The caller's own requests, or every request for reviewers and admins. */
    @GetMapping("/api/requests")
    List<RequestView> list(Authentication user) {
        return reader.list(user);
    }

    @GetMapping("/api/requests/{id}")
    RequestView read(@PathVariable String id, Authentication user) {
        return reader.read(id, user);
    }

    @GetMapping(path = "/api/requests/{id}/thread", produces = "text/plain;charset=UTF-8")
    String thread(@PathVariable String id, Authentication user) {
        return reader.thread(id, user);
    }
}
