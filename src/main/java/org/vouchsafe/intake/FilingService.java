package org.vouchsafe.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.PayloadTooLargeException;

/**
 * Files membership requests: validates the whole payload first, then stores the request,
 * its answers and evidence and starts the process, all in one transaction, so a rejected or
 * failed filing leaves nothing behind.
 */
@Service
public class FilingService {

    private final FilingValidator validator;
    private final MembershipRequestRepository requests;
    private final List<FilingListener> listeners;
    private final RequestWorkflow workflow;
    private final Clock clock;
    private final AuditLog audit;

    public FilingService(FilingValidator validator, MembershipRequestRepository requests, List<FilingListener> listeners,
                         RequestWorkflow workflow, Clock clock, AuditLog audit) {
        this.validator = validator;
        this.requests = requests;
        this.listeners = listeners;
        this.workflow = workflow;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public MembershipRequest file(FilingRequest filing, String username) {
        refuseOversizedKeys(filing);
        Instant now = clock.instant();
        List<FieldProblem> problems = validator.validate(filing, LocalDate.ofInstant(now, clock.getZone()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<MembershipRequest> open = requests.findByOpenDistroKey(MembershipRequest.distroKey(filing.distro().name()));
        if (open.isPresent()) {
            throw new ConflictException("The distro \"" + open.get().getDistroName() + "\" already has an open request ("
                    + open.get().getId() + "); wait for its decision or withdraw it before filing again.",
                    List.of(new FieldProblem("distro.name", "already has an open request " + open.get().getId() + ".")));
        }
        // Keep working on the managed instance Spring Data returns: what the listeners and the process start
        // change (fingerprints, the process instance id) must reach the database.
        MembershipRequest request = requests.saveAndFlush(toRequest(filing, username, now));
        audit.record(username, AuditAction.REQUEST_FILED, request.getId(),
                "Filed a request for " + request.getDistroName() + " to join " + request.getList(),
                Map.of("distro", request.getDistroName(), "list", request.getList(),
                        "requesters", String.valueOf(request.getRequesters().size())), true);
        for (FilingListener listener : listeners) {
            listener.filed(request, filing);
        }
        request.setProcessInstanceId(workflow.start(request.getId(), request.getDistroName()));
        return request;
    }

    /**
     * A key block over 64 KiB is refused as a whole with 413 before anything is parsed: no healthy
     * certificate is that large, and parsing it would only cost time.
     */
    private static void refuseOversizedKeys(FilingRequest filing) {
        if (filing == null || filing.requesters() == null) {
            return;
        }
        for (int i = 0; i < filing.requesters().size(); i++) {
            FilingRequest.RequesterInput r = filing.requesters().get(i);
            if (r != null && r.publicKey() != null && r.publicKey().length() > FilingValidator.MAX_KEY_BYTES) {
                throw new PayloadTooLargeException("requesters[" + i + "].publicKey is larger than 64 KiB; export only "
                        + "the public key with `gpg --armor --export-options export-minimal --export <fingerprint>`.");
            }
        }
    }

    /**
     * Builds the (unsaved) request from a validated payload. The self-assessment uses it to run
     * the checks on a request that is never stored.
     */
    public static MembershipRequest toRequest(FilingRequest filing, String username, Instant now) {
        // Null-safe throughout: the self-assessment builds a request from incomplete payloads too.
        FilingRequest.Distro distro = filing.distro() != null ? filing.distro()
                : new FilingRequest.Distro(null, null, null, null, null, null, null);
        String name = distro.name() == null ? "" : distro.name().trim();
        MembershipRequest request = new MembershipRequest(filing.list(), name, username, now);
        request.setHomepage(blankToNull(distro.homepage()));
        request.setOrganization(blankToNull(distro.organization()));
        request.setUnixLike(Boolean.TRUE.equals(distro.unixLike()));
        request.setOpenSource(Boolean.TRUE.equals(distro.openSource()));
        request.setLatestRelease(distro.latestRelease());
        request.setUpstream(blankToNull(distro.upstream()));
        FilingRequest.PolicyInput policy = filing.policy();
        request.setPolicy(policy == null ? null : policy.version(), policy != null && Boolean.TRUE.equals(policy.accepted()));
        FilingRequest.Evidence evidence = filing.evidence();
        if (evidence != null) {
            request.setUserbase(blankToNull(evidence.userbase()));
            request.setDownstreamJustification(blankToNull(evidence.downstreamJustification()));
            if (evidence.communityLinks() != null) {
                evidence.communityLinks().stream().filter(java.util.Objects::nonNull)
                        .forEach(link -> request.getCommunityLinks().add(link.trim()));
            }
        }
        if (filing.requesters() != null) {
            for (FilingRequest.RequesterInput r : filing.requesters()) {
                if (r != null) {
                    request.getRequesters().add(new Requester(trim(r.name()), trim(r.email()), blankToNull(r.affiliation()),
                            r.publicKey()));
                }
            }
        }
        if (filing.roles() != null) {
            filing.roles().stream().filter(java.util.Objects::nonNull)
                    .forEach(role -> request.getRoles().add(new RoleCommitment(role.role(),
                            blankToNull(role.title()), java.util.Objects.requireNonNullElse(trim(role.specifics()), ""))));
        }
        if (filing.vouchers() != null) {
            filing.vouchers().stream().filter(java.util.Objects::nonNull)
                    .forEach(v -> request.getVouchers().add(new NamedVoucher(trim(v.name()), trim(v.email()), trim(v.vouchesFor()))));
        }
        return request;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
