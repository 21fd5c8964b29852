package org.vouchsafe.membership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.problem.NotFoundException;

/**
 * Adds an approved distro's vouched people to the roster with the distro's role commitments; the
 * requesters nobody vouched for are named in the decision as not subscribed.
 */
@Service
public class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final Requests requests;
    private final MemberRepository members;
    private final DecisionRepository decisions;
    private final VouchedRequesters vouched;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public RosterService(Requests requests, MemberRepository members, DecisionRepository decisions,
                         VouchedRequesters vouched, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.requests = requests;
        this.members = members;
        this.decisions = decisions;
        this.vouched = vouched;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Subscribes the vouched requesters of an approved request (criterion 9: only a vouched person
     * joins); the others are noted on the latest decision as not subscribed. Someone already on the
     * roster (by e-mail) is left as they are: a person is subscribed once.
     *
     * @return the members added
     */
    @Transactional
    public List<Member> admit(String requestId) {
        MembershipRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        List<Member> added = new ArrayList<>();
        List<String> notVouched = new ArrayList<>();
        java.util.Set<String> vouchedEmails = vouched.vouchedEmails(requestId);
        for (Requester requester : request.getRequesters()) {
            if (!vouchedEmails.contains(requester.getEmail().trim().toLowerCase(java.util.Locale.ROOT))) {
                notVouched.add(requester.getName() + " <" + requester.getEmail() + ">");
                continue;
            }
            if (members.findByEmailIgnoreCase(requester.getEmail()).isPresent()) {
                log.info("{} is already on the roster; not subscribed a second time", requester.getEmail());
                continue;
            }
            Member member = new Member(requestId, request.getDistroName(), request.getList(), requester.getName(),
                    requester.getEmail(), requester.getFingerprint(), clock.instant());
            request.getRoles().forEach(role -> member.getRoles().add(new Member.RoleHeld(role.getRoleId(), role.getTitle(),
                    role.getSpecifics())));
            Member saved = members.save(member);
            added.add(saved);
            events.publishEvent(new MemberAdmitted(requestId, saved.getId(), saved.getName(), saved.getEmail(),
                    saved.getDistro(), saved.getList(), saved.getFingerprint(), saved.getJoinedAt()));
            audit.record("vouchsafe", AuditAction.ROSTER_MEMBER_ADDED, requestId,
                    "Subscribed " + requester.getName() + " for " + request.getDistroName(),
                    java.util.Map.of("email", requester.getEmail(), "distro", request.getDistroName(),
                            "fingerprint", String.valueOf(requester.getFingerprint())), true);
        }
        if (!notVouched.isEmpty()) {
            log.info("Request {}: not subscribed, nobody vouched for them: {}", requestId, notVouched);
            decisions.findFirstByRequestIdOrderByDecidedAtDesc(requestId).ifPresent(d -> d.noteNotSubscribed(notVouched));
        }
        return added;
    }

    @Transactional(readOnly = true)
    public List<Member> roster() {
        return members.findAllByOrderByDistroAscNameAsc();
    }
}
