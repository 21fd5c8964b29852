package org.vouchsafe.members;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.Member;
import org.vouchsafe.review.ReviewerProfile;
import org.vouchsafe.review.ReviewerProfileRepository;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.PersonalAccounts;
import org.vouchsafe.system.Roles;

/**
 * The reviewer pool comes from the members: role A12 is "help evaluate new (linux-)distros list
 * membership requests", so the people of a distro that holds it join group {@code reviewers} when
 * they are admitted, with a reviewer profile naming their distro and organization (which keeps
 * them out of reviews of their own). A list admin adds or removes others; every change is audited.
 */
@Service
public class ReviewerPool {

    /** The catalogue's "help evaluate new membership requests". */
    static final String EVALUATE_REQUESTS = "A12";

    private final PersonalAccounts identities;
    private final ReviewerProfileRepository profiles;
    private final MemberAccountRepository accounts;
    private final org.vouchsafe.membership.MemberRepository roster;
    private final Requests requests;
    private final AuditLog audit;

    ReviewerPool(PersonalAccounts identities, ReviewerProfileRepository profiles, MemberAccountRepository accounts,
                 org.vouchsafe.membership.MemberRepository roster, Requests requests, AuditLog audit) {
        this.identities = identities;
        this.profiles = profiles;
        this.accounts = accounts;
        this.roster = roster;
        this.requests = requests;
        this.audit = audit;
    }

    /** A person just admitted with an account: into the pool if their distro holds A12. */
    void admitted(Member member, String username) {
        boolean evaluates = member.getRoles().stream().anyMatch(r -> EVALUATE_REQUESTS.equals(r.getRoleId()));
        if (evaluates && !identities.inGroup(username, Roles.REVIEWERS)) {
            join(username, member);
            audit.record("vouchsafe", AuditAction.REVIEWER_ADDED, member.getRequestId(),
                    member.getName() + " (" + username + ") joined the reviewers: " + member.getDistro() + " holds role A12",
                    Map.of("username", username, "distro", member.getDistro(), "by", "role A12"), false);
        }
    }

    /** A list admin adds an account to the pool. */
    @Transactional
    public Reviewer add(String username, String admin) {
        requireAccount(username);
        Member member = accounts.findById(username).flatMap(a -> roster.findById(a.getMemberId())).orElse(null);
        if (!identities.inGroup(username, Roles.REVIEWERS)) {
            join(username, member);
            audit.record(admin, AuditAction.REVIEWER_ADDED, null, admin + " added " + username + " to the reviewers",
                    Map.of("username", username, "by", admin), false);
        }
        return reviewer(username);
    }

    /** A list admin removes an account from the pool; open vote tasks stay with whoever has them. */
    @Transactional
    public Reviewer remove(String username, String admin) {
        requireAccount(username);
        if (identities.inGroup(username, Roles.REVIEWERS)) {
            identities.removeFromGroup(username, Roles.REVIEWERS);
            audit.record(admin, AuditAction.REVIEWER_REMOVED, null, admin + " removed " + username + " from the reviewers",
                    Map.of("username", username, "by", admin), false);
        }
        return reviewer(username);
    }

    private void join(String username, Member member) {
        identities.addToGroup(username, Roles.REVIEWERS, "Reviewers");
        if (member != null) {
            String organization = member.getRequestId() == null ? null
                    : requests.find(member.getRequestId()).map(MembershipRequest::getOrganization).orElse(null);
            profiles.save(new ReviewerProfile(username, member.getName(), member.getEmail(), member.getDistro(), organization));
        }
    }

    private Reviewer reviewer(String username) {
        ReviewerProfile profile = profiles.findById(username).orElse(null);
        return new Reviewer(username, identities.inGroup(username, Roles.REVIEWERS),
                profile == null ? null : profile.getDistro(), profile == null ? null : profile.getOrganization());
    }

    private void requireAccount(String username) {
        if (username == null || !username.matches(PersonalAccounts.USERNAME_PATTERN) || !identities.exists(username)) {
            throw new NotFoundException("No account " + username + ".");
        }
    }

    /** An account's place in the pool, with the affiliation its conflict of interest is judged by. */
    public record Reviewer(String username, boolean reviewer, String distro, String organization) {
    }
}
