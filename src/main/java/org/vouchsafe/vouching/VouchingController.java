package org.vouchsafe.vouching;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.system.RateLimiter;

/**
 * Vouches over HTTP. Vouchers need no account: they fetch the statement and send the signed
 * vouch anonymously (rate-limited per address), the signature authenticates them, and
 * {@link PublicVouching} decides how little a refusal tells them. Reading the chain is for
 * reviewers, list admins and the applicant; adding or replacing a voucher for list admins.
 */
@RestController
class VouchingController {

    private final VouchService vouches;
    private final PublicVouching anonymous;
    private final VoucherAdminService admin;
    private final VouchingRounds rounds;
    private final RequestAccess access;
    private final RateLimiter rateLimiter;

    VouchingController(VouchService vouches, PublicVouching anonymous, VoucherAdminService admin, VouchingRounds rounds,
                       RequestAccess access, RateLimiter rateLimiter) {
        this.vouches = vouches;
        this.rounds = rounds;
        this.anonymous = anonymous;
        this.admin = admin;
        this.access = access;
        this.rateLimiter = rateLimiter;
    }

    @Operation(summary = "The statement a voucher signs for a requester")
    @GetMapping(path = "/api/requests/{id}/vouches/statement", produces = "text/plain;charset=UTF-8")
    String statement(@PathVariable String id, @RequestParam String voucher, @RequestParam("for") String requester,
                     HttpServletRequest http) {
        rateLimiter.acquire("vouch-statement", http.getRemoteAddr());
        return anonymous.statement(id, voucher, requester);
    }

    @Operation(summary = "Submit a signed vouch for a requester")
    @PostMapping(path = "/api/requests/{id}/vouches", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VouchesView.VouchView> vouch(@PathVariable String id, @RequestBody VouchInput body,
                                                HttpServletRequest http) {
        rateLimiter.acquire("vouch", http.getRemoteAddr());
        Vouch vouch = anonymous.submit(id, body);
        return ResponseEntity.created(URI.create("/api/requests/" + id + "/vouches")).body(VouchesView.of(vouch));
    }

    @Operation(summary = "A request's vouches and the chain to teammates")
    @GetMapping("/api/requests/{id}/vouches")
    VouchesView read(@PathVariable String id, Authentication user) {
        access.readable(id, user);
        return vouches.view(id);
    }

    @Operation(summary = "A request's vouching chain as a picture (SVG)")
    @GetMapping(path = "/api/requests/{id}/vouches.svg", produces = "image/svg+xml")
    String svg(@PathVariable String id, Authentication user) {
        access.readable(id, user);
        return vouches.svg(id);
    }

    /** A list admin adds a voucher, or replaces one who has not vouched ({@code replaces}). */
    @Operation(summary = "Add a voucher, or replace one who has not vouched")
    @PostMapping(path = "/api/requests/{id}/vouchers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('list-admins')")
    ResponseEntity<NamedVoucherView> changeVoucher(@PathVariable String id,
                                                   @RequestBody VoucherAdminService.VoucherChange body,
                                                   Authentication user) {
        NamedVoucher added = admin.change(id, body, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new NamedVoucherView(added.getName(), added.getEmail(), added.getVouchesFor()));
    }

    /**
     * A list admin reopens vouching closed by its deadline, until a new deadline in the future:
     * criterion 9 is PENDING again (unless someone is vouched for) and the named vouchers are asked again.
     */
    @Operation(summary = "Reopen vouching after its deadline with a new deadline (list admins)")
    @PostMapping(path = "/api/requests/{id}/vouching/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('list-admins')")
    ReopenedView reopen(@PathVariable String id, @RequestBody ReopenInput body, Authentication user) {
        Instant deadline = body == null ? null : body.deadline();
        CheckResult check = rounds.reopen(id, deadline, user.getName());
        return new ReopenedView(id, deadline, new CheckView(check.outcome().name(), check.reasons()));
    }

    /** Body of a reopening: the new deadline. */
    record ReopenInput(Instant deadline) {
    }

    /** The reopened vouching: its deadline and criterion 9 as it now stands. */
    record ReopenedView(String requestId, Instant deadline, CheckView check) {
    }

    /** A check's outcome and reasons, in the shape of a request's criteria. */
    record CheckView(String outcome, List<String> reasons) {
    }

    /** A named voucher as the API shows it. */
    record NamedVoucherView(String name, String email, String vouchesFor) {
    }
}
