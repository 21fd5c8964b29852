package org.vouchsafe.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberAdmitted;
import org.vouchsafe.membership.MemberLeft;
import org.vouchsafe.membership.MemberStatus;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.PersonalAccounts;
import org.vouchsafe.system.Roles;

/**
 * Members are people with accounts. When a person joins the roster they get an account (groups
 * {@code members} and {@code distro-{distroId}}) that cannot sign in, and an invitation: a one-time
 * link, mailed encrypted to their key, through which they choose their password. A list admin may
 * send a new invitation; it replaces the open one (also for a person who forgot their password).
 */
@Service
public class MemberAccounts {

    private static final Logger log = LoggerFactory.getLogger(MemberAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens are 32 random bytes in base64url: 43 characters. */
    private static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{43}";

    private final MemberAccountRepository accounts;
    private final InvitationRepository invitations;
    private final MemberRepository roster;
    private final PersonalAccounts identities;
    private final InvitationMails mails;
    private final ReviewerPool reviewers;
    private final MembersProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    MemberAccounts(MemberAccountRepository accounts, InvitationRepository invitations, MemberRepository roster,
                   PersonalAccounts identities, InvitationMails mails, ReviewerPool reviewers,
                   MembersProperties properties, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.roster = roster;
        this.identities = identities;
        this.mails = mails;
        this.reviewers = reviewers;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * In the transaction that puts the person on the roster: the account and the invitation commit
     * with the roster entry (or not at all); the mail goes out once they have.
     */
    @EventListener
    @Transactional
    public void admitted(MemberAdmitted event) {
        Member member = roster.findById(event.memberId())
                .orElseThrow(() -> new IllegalStateException("admitted member " + event.memberId() + " is not on the roster"));
        MemberAccount account = accounts.findByMemberId(member.getId()).orElseGet(() -> create(member));
        invite(member, account, "vouchsafe");
        reviewers.admitted(member, account.getUsername());
    }

    /**
     * A person who left the list, or was removed, can no longer sign in: the account is closed (our
     * sign-in gate refuses it), its password becomes random again (Camunda's webapps check passwords
     * themselves), open invitations stop working, and it leaves the members', its distro's and the
     * reviewers' groups, so no task reaches it. The row stays: the audit log names the account.
     */
    @EventListener
    @Transactional
    public void left(MemberLeft event) {
        Optional<MemberAccount> found = accounts.findByMemberId(event.memberId());
        if (found.isEmpty()) {
            return; // subscribed before accounts existed, and never invited
        }
        MemberAccount account = found.get();
        Instant now = clock.instant();
        account.closed(now);
        invitations.findByUsername(account.getUsername()).forEach(open -> open.revoke(now));
        identities.makeUnusable(account.getUsername());
        identities.removeFromGroup(account.getUsername(), Roles.MEMBERS);
        if (event.distroId() != null) {
            identities.removeFromGroup(account.getUsername(), Roles.distroGroup(event.distroId()));
        }
        identities.removeFromGroup(account.getUsername(), Roles.REVIEWERS);
        log.info("Account {} closed: {} left the list", account.getUsername(), event.email());
    }

    /**
     * A list admin sends {@code email}'s person a new invitation; any open one stops working. A
     * person on the roster without an account (subscribed before accounts existed) gets one now.
     */
    @Transactional
    public InvitationSent reinvite(String email, String admin) {
        Member member = roster.findByEmailIgnoreCase(email == null ? "" : email.trim())
                .orElseThrow(() -> new NotFoundException("Nobody with the address " + email + " is on the roster."));
        if (member.getStatus() == MemberStatus.LEFT) {
            throw new ConflictException(member.getName() + " left the list on " + member.getLeftAt()
                    + "; an invitation would open a closed account. They join again through a new membership request.");
        }
        MemberAccount account = accounts.findByMemberId(member.getId()).orElseGet(() -> create(member));
        return invite(member, account, admin);
    }

    /**
     * Sets the account's password through the invitation link, once. An unknown token is 404; a
     * used, replaced or expired one 410; a password the policy refuses 400, and the link still works.
     *
     * @return the account's user name
     */
    @Transactional
    public String accept(String token, String password) {
        Invitation invitation = find(token);
        Instant now = clock.instant();
        if (!invitation.isOpen(now)) {
            throw gone(invitation, now);
        }
        if (password == null || password.isBlank()) {
            throw new InvalidInputException("password", "Required: the password you will sign in with "
                    + "(at least 12 characters, not a well-known one).");
        }
        String username = invitation.getUsername();
        identities.setPassword(username, password);
        if (invitations.use(invitation.getId(), now) != 1) {
            // Another submission of the same link won; this one's password must not stand.
            throw new InvitationGoneException("This invitation link was used a moment ago.");
        }
        MemberAccount account = accounts.findById(username).orElseThrow();
        account.passwordSet(now);
        Member member = roster.findById(account.getMemberId()).orElseThrow();
        audit.record(username, AuditAction.MEMBER_ACCOUNT_ACTIVATED, member.getRequestId(),
                member.getName() + " set the password of account " + username,
                Map.of("username", username, "distro", member.getDistro()), false);
        return username;
    }

    /**
     * The account an invitation link is for, while it can still be used: for the page that asks for
     * the password. 404 unknown, 410 used, replaced or expired.
     */
    @Transactional(readOnly = true)
    public String invited(String token) {
        Invitation invitation = find(token);
        Instant now = clock.instant();
        if (!invitation.isOpen(now)) {
            throw gone(invitation, now);
        }
        return invitation.getUsername();
    }

    /** Whether the account may sign in: any account that is not a member's, or a member's once activated. */
    boolean maySignIn(String username) {
        return accounts.findById(username).map(MemberAccount::isActive).orElse(true);
    }

    /** The account of the person with this address, if they have one. */
    @Transactional(readOnly = true)
    public Optional<MemberAccount> ofEmail(String email) {
        return email == null ? Optional.empty() : accounts.findByEmailIgnoreCase(email.trim());
    }

    /** The roster entry of the signed-in account, if it is a member's. */
    @Transactional(readOnly = true)
    public Optional<Member> memberOf(String username) {
        return username == null ? Optional.empty()
                : accounts.findById(username).flatMap(a -> roster.findById(a.getMemberId()));
    }

    private MemberAccount create(Member member) {
        String username = Usernames.unique(member.getEmail(), id -> accounts.existsById(id) || identities.exists(id));
        String[] names = member.getName().trim().split("\\s+", 2);
        identities.createUnusable(username, names[0], names.length > 1 ? names[1] : "", member.getEmail());
        identities.addToGroup(username, Roles.MEMBERS, "Members");
        String distroGroup = Roles.distroGroup(member.getDistroId());
        if (PersonalAccounts.isValidId(distroGroup)) {
            identities.addToGroup(username, distroGroup, member.getDistro());
        } else {
            // A name without a letter or digit, or one so long that its group id passes Camunda's 64 characters.
            log.warn("Distro {} has no usable group id ({}); {} is in group members only", member.getDistro(), distroGroup,
                    username);
        }
        return accounts.save(new MemberAccount(username, member.getId(), member.getEmail(), clock.instant()));
    }

    private InvitationSent invite(Member member, MemberAccount account, String actor) {
        Instant now = clock.instant();
        invitations.findByUsername(account.getUsername()).forEach(open -> open.revoke(now));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(properties.invitationValidity());
        Invitation invitation = invitations.save(new Invitation(account.getUsername(), sha256(token), now, expiresAt, actor));
        boolean queued = mails.afterCommit(member, account.getUsername(), invitation.getId(), token, expiresAt);
        audit.record(actor, AuditAction.MEMBER_INVITED, member.getRequestId(),
                "Invited " + member.getName() + " to set the password of account " + account.getUsername(),
                Map.of("username", account.getUsername(), "distro", member.getDistro(),
                        "expiresAt", expiresAt.toString(), "mailed", String.valueOf(queued)), false);
        if (!queued) {
            log.warn("No usable key on file for {}: invitation {} not mailed", member.getEmail(), invitation.getId());
        }
        return new InvitationSent(account.getUsername(), member.getEmail(), expiresAt, queued);
    }

    private Invitation find(String token) {
        return (token != null && token.matches(TOKEN_PATTERN)
                ? invitations.findByTokenSha256(sha256(token)) : Optional.<Invitation>empty())
                .orElseThrow(() -> new NotFoundException("This invitation link is not known. Use the whole link from the "
                        + "mail, or ask the list admin for a new invitation."));
    }

    private static InvitationGoneException gone(Invitation invitation, Instant now) {
        if (invitation.getUsedAt() != null) {
            return new InvitationGoneException("This invitation link was used already; it sets a password once. "
                    + "Sign in with your password, or ask the list admin for a new invitation.");
        }
        if (invitation.getRevokedAt() != null) {
            return new InvitationGoneException("A newer invitation replaced this link; use the link in the latest mail.");
        }
        return new InvitationGoneException("This invitation link expired at " + invitation.getExpiresAt()
                + "; ask the list admin for a new invitation.");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the admin is told: the account, the address mailed, until when the link works, and whether a mail could go out. */
    public record InvitationSent(String username, String email, Instant expiresAt, boolean mailed) {
    }
}
