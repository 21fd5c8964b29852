package org.vouchsafe.readmodel;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.QueryParameters;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.RequestWithdrawal;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestStatus;

/** Filing and reading membership requests. */
@RestController
class RequestController {

    private final FilingService filing;
    private final RequestReader reader;
    private final RequestAccess access;
    private final RequestWithdrawal withdrawal;

    RequestController(FilingService filing, RequestReader reader, RequestAccess access, RequestWithdrawal withdrawal) {
        this.filing = filing;
        this.reader = reader;
        this.access = access;
        this.withdrawal = withdrawal;
    }

    /** Applicants file for their distro; list admins may file on someone's behalf. */
    @Operation(summary = "File a membership request")
    @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('applicants', 'list-admins')")
    ResponseEntity<RequestView> file(@RequestBody FilingRequest body, Authentication user) {
        MembershipRequest request = filing.file(body, user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + request.getId())).body(reader.view(request.getId()));
    }

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    /**
     * The caller's own requests, or every request for reviewers and admins, newest first, one page
     * at a time: {@code ?page=0&size=50&status=IN_REVIEW&status=NEEDS_INFO}. The body stays a plain
     * array; {@code X-Total-Count} and a {@code Link} header (rel next / prev) say where it lies.
     */
    @Operation(summary = "List requests: the caller's own (applicants) or all, newest first, paged")
    @GetMapping("/api/requests")
    ResponseEntity<List<RequestView>> list(@RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            @RequestParam(name = "status", required = false) List<String> status, Authentication user) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = QueryParameters.wholeNumber("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, problems);
        int pageSize = QueryParameters.wholeNumber("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, problems);
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String s : status == null ? List.<String>of() : status) {
            for (String name : s.split(",")) {
                try {
                    statuses.add(RequestStatus.valueOf(name.trim()));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("status", "'" + name.trim() + "' is not a status; use one of "
                            + Arrays.toString(RequestStatus.values())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RequestReader.RequestPage result = reader.page(user, statuses, pageNumber, pageSize);
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Total-Count", Long.toString(result.total()));
        List<String> links = new ArrayList<>();
        if (result.hasNext()) {
            links.add(link(pageNumber + 1, pageSize, statuses, "next"));
        }
        if (result.hasPrevious()) {
            links.add(link(pageNumber - 1, pageSize, statuses, "prev"));
        }
        if (!links.isEmpty()) {
            headers.add(HttpHeaders.LINK, String.join(", ", links));
        }
        return ResponseEntity.ok().headers(headers).body(result.items());
    }

    private static String link(int page, int size, Set<RequestStatus> statuses, String rel) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/requests").queryParam("page", page)
                .queryParam("size", size);
        statuses.forEach(s -> uri.queryParam("status", s.name()));
        return "<" + uri.toUriString() + ">; rel=\"" + rel + "\"";
    }

    @Operation(summary = "Read a request: status, the nine criteria and their checks, votes, decision")
    @GetMapping("/api/requests/{id}")
    RequestView read(@PathVariable String id, Authentication user) {
        return reader.read(id, user);
    }

    /**
     * The applicant who filed the request withdraws it while it is undecided: 200 with the request,
     * now {@code WITHDRAWN}; 409 once decided; 400 naming {@code reason} when it is missing or too long.
     */
    @Operation(summary = "The filing applicant withdraws an undecided request")
    @PostMapping(path = "/api/requests/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    RequestView withdraw(@PathVariable String id, @RequestBody WithdrawalInput body, Authentication user) {
        access.filedByCaller(id, user, "withdraw it");
        withdrawal.withdraw(id, user.getName(), body == null ? null : body.reason());
        return reader.view(id);
    }

    /** Body of a withdrawal. */
    record WithdrawalInput(String reason) {
    }

    @Operation(summary = "The request as a public oss-security posting (text)")
    @GetMapping(path = "/api/requests/{id}/thread", produces = "text/plain;charset=UTF-8")
    String thread(@PathVariable String id, Authentication user) {
        return reader.thread(id, user);
    }
}
