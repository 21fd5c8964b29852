package org.vouchsafe.members;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.problem.ForbiddenException;

/**
 * Members over HTTP: a member distro's page data and its contributions (its people and, to read,
 * the list admins), invitations (the admin sends, the invited person accepts with the token alone),
 * and the reviewer pool (list admins).
 */
@RestController
class MembersController {

    private final MemberDistros distros;
    private final MemberAccounts accounts;
    private final ReviewerPool reviewers;
    private final MemberKeys keys;

    MembersController(MemberDistros distros, MemberAccounts accounts, ReviewerPool reviewers, MemberKeys keys) {
        this.keys = keys;
        this.distros = distros;
        this.accounts = accounts;
        this.reviewers = reviewers;
    }

    @Operation(summary = "A member distro: people, roles held, contributions, accountability requests, incidents")
    @GetMapping("/api/members/{distroId}")
    MemberDistros.DistroView distro(@PathVariable String distroId, Authentication user) {
        return distros.view(distroId, user);
    }

    @Operation(summary = "Record a contribution of the caller's own distro (a reference and a sentence)")
    @PostMapping(path = "/api/members/{distroId}/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MemberDistros.ContributionView> contribute(@PathVariable String distroId,
                                                              @RequestBody ContributionInput body, Authentication user) {
        MemberDistros.ContributionView saved = distros.record(distroId, body, user);
        return ResponseEntity.created(URI.create("/api/members/" + distroId)).body(saved);
    }

    /** The signed-in member uploads a renewed key (same primary fingerprint) or a successor their current key certified. */
    @Operation(summary = "Upload a renewed key, or a successor certified by the current one")
    @PostMapping(path = "/api/members/me/key", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberKeys.KeyHealth key(@RequestBody KeyInput body, Authentication user) {
        org.vouchsafe.membership.Member me = distros.memberOf(user)
                .orElseThrow(() -> new ForbiddenException("Only a subscribed member can change their key here."));
        return keys.renew(me.getId(), body == null ? null : body.publicKey(), user.getName());
    }

    /** A new invitation for a person on the roster; the open one stops working. */
    @Operation(summary = "Send a person a new invitation to set their password (list admins)")
    @PostMapping("/api/members/people/{email}/invitation")
    @PreAuthorize("hasAuthority('list-admins')")
    ResponseEntity<MemberAccounts.InvitationSent> invite(@PathVariable String email, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.reinvite(email, user.getName()));
    }

    /**
     * The invited person sets their password; the token in the path is their only credential. Not
     * rate-limited: 256 random bits are not guessed, and the sign-in throttle guards the password.
     */
    @Operation(summary = "Set the password of an invited member's account, once")
    @PostMapping(path = "/api/invitations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token, @RequestBody PasswordInput body) {
        return Map.of("username", accounts.accept(token, body == null ? null : body.password()));
    }

    @Operation(summary = "Add an account to the reviewer pool (list admins)")
    @PostMapping("/api/reviewers/{username}")
    @PreAuthorize("hasAuthority('list-admins')")
    ReviewerPool.Reviewer addReviewer(@PathVariable String username, Authentication user) {
        return reviewers.add(username, user.getName());
    }

    @Operation(summary = "Take an account out of the reviewer pool (list admins)")
    @DeleteMapping("/api/reviewers/{username}")
    @PreAuthorize("hasAuthority('list-admins')")
    ReviewerPool.Reviewer removeReviewer(@PathVariable String username, Authentication user) {
        return reviewers.remove(username, user.getName());
    }

    /** The body of {@code POST /api/members/me/key}. */
    record KeyInput(String publicKey) {
    }

    /** The body of {@code POST /api/invitations/{token}}. */
    record PasswordInput(String password) {
    }
}
