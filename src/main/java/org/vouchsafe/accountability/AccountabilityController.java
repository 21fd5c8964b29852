package org.vouchsafe.accountability;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accountability requests over REST. Who may do what depends on the item (the people of its
 * distro answer, list admins close), so the checks are in {@link AccountabilityService}; the
 * route only requires a signed-in caller.
 */
@RestController
class AccountabilityController {

    private final AccountabilityService accountability;

    AccountabilityController(AccountabilityService accountability) {
        this.accountability = accountability;
    }

    @Operation(summary = "Ask a member distro to explain and correct what went wrong in a role it holds")
    @PostMapping("/api/members/{distroId}/accountability")
    @PreAuthorize("hasAnyAuthority('list-admins', 'members')")
    ResponseEntity<ItemView> raise(@PathVariable String distroId, @RequestBody AccountabilityService.RaiseInput input,
                                   Authentication user) {
        AccountabilityItem item = accountability.raise(distroId, input, caller(user));
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/accountability/" + item.getId())
                .body(ItemView.of(item));
    }

    @Operation(summary = "One accountability request with its answer and outcome")
    @GetMapping("/api/accountability/{id}")
    @PreAuthorize("isAuthenticated()")
    ItemView item(@PathVariable String id, Authentication user) {
        return ItemView.of(accountability.item(id, caller(user)));
    }

    @Operation(summary = "The distro's answer: explanation and correction for further occasions")
    @PostMapping("/api/accountability/{id}/answer")
    @PreAuthorize("hasAuthority('members')")
    ItemView answer(@PathVariable String id, @RequestBody AccountabilityService.AnswerInput input, Authentication user) {
        return ItemView.of(accountability.answer(id, input, caller(user)));
    }

    @Operation(summary = "Close an accountability request with its outcome (list admins)")
    @PostMapping("/api/accountability/{id}/closure")
    @PreAuthorize("hasAuthority('list-admins')")
    ItemView close(@PathVariable String id, @RequestBody AccountabilityService.ClosureInput input, Authentication user) {
        return ItemView.of(accountability.close(id, input, caller(user)));
    }

    private static Caller caller(Authentication user) {
        return Caller.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    /** An accountability request as the API shows it. */
    record ItemView(String id, String distroId, String distro, String role, String what, String reference, String status,
                    String raisedBy, Instant raisedAt, Instant answerDue, Instant remindedAt, Instant escalatedAt,
                    Answer answer, Closure closure, String next) {

        record Answer(String explanation, String correction, String answeredBy, Instant answeredAt) {
        }

        record Closure(String outcome, String note, String closedBy, Instant closedAt) {
        }

        static ItemView of(AccountabilityItem i) {
            Answer answer = i.getAnsweredAt() == null ? null
                    : new Answer(i.getExplanation(), i.getCorrection(), i.getAnsweredBy(), i.getAnsweredAt());
            Closure closure = i.getClosedAt() == null ? null
                    : new Closure(i.getOutcome().name(), i.getNote(), i.getClosedBy(), i.getClosedAt());
            return new ItemView(i.getId(), i.getDistroId(), i.getDistro(), i.getRoleId(), i.getWhat(), i.getReference(),
                    i.getStatus().name(), i.getRaisedBy(), i.getRaisedAt(), i.getAnswerDue(), i.getRemindedAt(),
                    i.getEscalatedAt(), answer, closure, next(i));
        }

        /** What happens next, in a sentence a person can act on. */
        private static String next(AccountabilityItem i) {
            return switch (i.getStatus()) {
                case OPEN -> "The people of " + i.getDistro() + " answer by " + i.getAnswerDue()
                        + " with POST /api/accountability/" + i.getId() + "/answer.";
                case ANSWERED, ESCALATED -> "A list admin closes it with POST /api/accountability/" + i.getId() + "/closure.";
                case CLOSED -> i.getOutcome() == ClosingOutcome.REMOVAL_PROPOSED
                        ? "Removal proposed: a list admin confirms it with POST /api/members/" + i.getDistroId() + "/removal."
                        : "Closed.";
            };
        }
    }
}
