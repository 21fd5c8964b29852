package org.vouchsafe.members;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vouchsafe.membership.Member;
import org.vouchsafe.notification.MailService;
import org.vouchsafe.notification.OutgoingMail;

/**
 * The invitation mail, encrypted to the key the person filed with (PGP/MIME through the
 * notification path): the link is in the encrypted part only, never in a subject or a header.
 * Sent when the transaction that made the invitation commits, so no mail names a link that was
 * rolled back; a mail that fails is logged and the list admin sends a new invitation.
 */
@Component
class InvitationMails {

    private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MailService mail;
    private final MemberKeys keys;
    private final MembersProperties properties;

    InvitationMails(MailService mail, MemberKeys keys, MembersProperties properties) {
        this.mail = mail;
        this.keys = keys;
        this.properties = properties;
    }

    /** The idempotency key of an invitation's mail. */
    static String mailKey(String invitationId) {
        return "member-invitation:" + invitationId;
    }

    /**
     * Queues the mail for after the commit.
     *
     * @return false when there is no key on file to encrypt to: the link is never sent in clear
     */
    boolean afterCommit(Member member, String username, String invitationId, String token, Instant expiresAt) {
        Optional<String> key = keys.current(member);
        if (key.isEmpty()) {
            return false;
        }
        OutgoingMail outgoing = new OutgoingMail(mailKey(invitationId), member.getEmail(),
                "Your account for " + member.getDistro() + " on the " + member.getList() + " list",
                body(member, username, token, expiresAt), key.get());
        Runnable send = () -> {
            try {
                mail.send(outgoing);
            } catch (RuntimeException e) {
                log.warn("Invitation mail {} to {} not sent ({}); a list admin can send a new invitation",
                        outgoing.idempotencyKey(), member.getEmail(), e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return true;
    }

    private String body(Member member, String username, String token, Instant expiresAt) {
        String base = properties.publicUrl();
        return "Dear " + member.getName() + ",\n\n"
                + "you are subscribed to the " + member.getList() + " list for " + member.getDistro() + ", and you have an\n"
                + "account on Vouchsafe, the list's membership service. Your user name: " + username + "\n\n"
                + "Choose your password here (the link works once, until " + WHEN.format(expiresAt) + "):\n\n"
                + base + "/invitations/" + token + "\n\n"
                + "The account cannot sign in before you do. Then you will find your distro's page at\n"
                + base + "/member: your teammates, the roles your distro holds, its recorded contributions,\n"
                + "and the vouch tasks for teammates (also in Tasklist).\n\n"
                + "This mail is encrypted to your key" + (member.getFingerprint() == null ? "" : " " + member.getFingerprint())
                + ", so only you can read\nthe link. If it has expired, ask the list admin for a new invitation.\n";
    }
}
