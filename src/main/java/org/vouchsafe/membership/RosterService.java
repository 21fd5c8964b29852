package org.vouchsafe.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Adds an approved distro's people to the roster with the distro's role commitments: each person who
 * proved criteria 6, 8 and 9 themselves, or whom the admin's recorded exception lets in for what they
 * did not; the others are named in the decision as not subscribed, with what they lack.
 */
@Service
public class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final Requests requests;
    private final MemberRepository members;
    private final DecisionRepository decisions;
    private final Admissions admissions;
    private final AdmissionExceptionRepository exceptions;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public RosterService(Requests requests, MemberRepository members, DecisionRepository decisions,
                         Admissions admissions, AdmissionExceptionRepository exceptions, Clock clock, AuditLog audit,
                         ApplicationEventPublisher events) {
        this.requests = requests;
        this.members = members;
        this.decisions = decisions;
        this.admissions = admissions;
        this.exceptions = exceptions;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Subscribes the requesters of an approved request who proved criteria 6, 8 and 9 (or hold the
     * admin's exception for what they did not); the others are noted on the latest decision as not
     * subscribed, with the criteria they lack. Someone already on the roster (by e-mail) is left as
     * they are: a person is subscribed once.
     *
     * @return the members added
     */
    @Transactional
    public List<Member> admit(String requestId) {
        MembershipRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        java.util.Optional<Decision> decision = decisions.findFirstByRequestIdOrderByDecidedAtDesc(requestId);
        List<AdmissionException> waived = decision.map(d -> exceptions.findByDecisionIdOrderByEmailAscCriterionAsc(d.getId()))
                .orElse(List.of());
        java.util.Map<String, Admissions.Person> people = new java.util.HashMap<>();
        admissions.assess(requestId, waived).forEach(p -> people.put(Admissions.normalise(p.email()), p));
        List<Member> added = new ArrayList<>();
        List<String> notSubscribed = new ArrayList<>();
        for (Requester requester : request.getRequesters()) {
            Admissions.Person person = people.get(Admissions.normalise(requester.getEmail()));
            if (person == null || !person.admitted()) {
                notSubscribed.add(person == null ? requester.getName() + " <" + requester.getEmail() + ">" : person.whyNot());
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
            java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
            details.put("email", requester.getEmail());
            details.put("distro", request.getDistroName());
            details.put("fingerprint", String.valueOf(requester.getFingerprint()));
            if (!person.excepted().isEmpty()) {
                details.put("exceptions", person.excepted().toString());
            }
            audit.record("vouchsafe", AuditAction.ROSTER_MEMBER_ADDED, requestId,
                    "Subscribed " + requester.getName() + " for " + request.getDistroName()
                            + (person.excepted().isEmpty() ? "" : " by exception for criteria " + person.excepted()),
                    details, true);
        }
        if (!notSubscribed.isEmpty()) {
            log.info("Request {}: not subscribed, not proved: {}", requestId, notSubscribed);
            decision.ifPresent(d -> d.noteNotSubscribed(notSubscribed));
        }
        return added;
    }

    /** The exceptions each member was subscribed with, by member id (members without any are absent). */
    @Transactional(readOnly = true)
    public java.util.Map<String, List<AdmissionException>> exceptionsByMember(List<Member> roster) {
        java.util.Map<String, List<AdmissionException>> byPerson = new java.util.HashMap<>();
        for (AdmissionException e : exceptions.findByDecisionIdIsNotNull()) {
            byPerson.computeIfAbsent(e.getRequestId() + "/" + e.getEmail(), k -> new ArrayList<>()).add(e);
        }
        java.util.Map<String, List<AdmissionException>> byMember = new java.util.HashMap<>();
        for (Member m : roster) {
            List<AdmissionException> mine = byPerson.get(m.getRequestId() + "/" + Admissions.normalise(m.getEmail()));
            if (mine != null) {
                byMember.put(m.getId(), mine.stream().sorted(java.util.Comparator.comparingInt(AdmissionException::getCriterion)).toList());
            }
        }
        return byMember;
    }

    /** The current roster: people subscribed now (including those leaving on a date still to come). */
    @Transactional(readOnly = true)
    public List<Member> roster() {
        return members.findByStatusInOrderByDistroAscNameAsc(CURRENT);
    }

    /** Who was subscribed on {@code day} (UTC), for however short a part of it. */
    @Transactional(readOnly = true)
    public List<Member> rosterOn(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return members.findAllByOrderByDistroAscNameAsc().stream().filter(m -> m.subscribedDuring(from, to)).toList();
    }

    /** The people of a member distro on the current roster. */
    @Transactional(readOnly = true)
    public List<Member> people(String distroId) {
        return roster().stream().filter(m -> DistroIds.of(m.getDistro()).equals(distroId)).toList();
    }

    /** The distro's name if it is (or was) a member: someone of it joined the roster once. */
    @Transactional(readOnly = true)
    public Optional<String> distroName(String distroId) {
        return members.findAllByOrderByDistroAscNameAsc().stream().map(Member::getDistro)
                .filter(d -> DistroIds.of(d).equals(distroId)).findFirst();
    }

    /** The roles a member distro holds: those its subscribed people hold. */
    @Transactional(readOnly = true)
    public Set<String> rolesHeld(String distroId) {
        Set<String> roles = new TreeSet<>();
        people(distroId).forEach(m -> m.getRoles().forEach(r -> roles.add(r.getRoleId())));
        return roles;
    }

    /** Member distros whose people have all left: still members, without people. */
    @Transactional(readOnly = true)
    public List<String> distrosWithoutPeople() {
        Set<String> all = new TreeSet<>();
        Set<String> current = new TreeSet<>();
        for (Member m : members.findAllByOrderByDistroAscNameAsc()) {
            all.add(m.getDistro());
            if (m.isSubscribed()) {
                current.add(m.getDistro());
            }
        }
        all.removeAll(current);
        return List.copyOf(all);
    }

    /** The person's key as filed with the request that admitted them, to encrypt mail to them. */
    @Transactional(readOnly = true)
    public Optional<String> keyOnFile(Member member) {
        return Optional.ofNullable(member.getRequestId()).flatMap(requests::find)
                .flatMap(r -> r.getRequesters().stream().filter(q -> q.getEmail().equalsIgnoreCase(member.getEmail()))
                        .findFirst())
                .map(Requester::getPublicKey).filter(k -> k != null && !k.isBlank());
    }

    static final List<MemberStatus> CURRENT = List.of(MemberStatus.SUBSCRIBED, MemberStatus.LEAVING);
}
