package org.vouchsafe.accountability;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.notification.MailService;
import org.vouchsafe.notification.Notifications;
import org.vouchsafe.notification.Notifications.Recipient;
import org.vouchsafe.notification.OutgoingMail;

/**
 * The mails of an accountability request: to each subscribed person of the distro, encrypted to
 * the key they were admitted with (PGP/MIME through {@link MailService}); to the list admins,
 * signed. The idempotency key is {@code scope:recipient}, the scope being the process instance and
 * its mail task, so a retried job sends only what is missing.
 */
@Service
public class AccountabilityMails {

    private final AccountabilityService accountability;
    private final RosterService roster;
    private final MailService mail;

    AccountabilityMails(AccountabilityService accountability, RosterService roster, MailService mail) {
        this.accountability = accountability;
        this.roster = roster;
        this.mail = mail;
    }

    /** To each subscribed person of the distro: what they are asked and how to answer. */
    @Transactional
    public int raised(String itemId, String scope) {
        return toPeople(itemId, scope, "Please account for role ", "");
    }

    /** Halfway to the deadline, the same request again. */
    @Transactional
    public int reminder(String itemId, String scope) {
        return toPeople(itemId, scope, "Reminder: please account for role ",
                "This is a reminder: nobody of your distro has answered yet.\n\n");
    }

    /** To the list admins: the distro did not answer in time; the item waits for them. */
    @Transactional
    public int escalated(String itemId, String scope, List<Recipient> admins) {
        AccountabilityItem item = accountability.find(itemId);
        for (Recipient admin : admins) {
            mail.send(OutgoingMail.signedOnly(Notifications.key(scope, null, admin.address()), admin.address(),
                    "No answer from " + item.getDistro() + " for role " + item.getRoleId(),
                    "Dear " + admin.name() + ",\n\n"
                    + item.getDistro() + " did not answer the accountability request " + item.getId() + " for role "
                    + item.getRoleId() + " by " + item.getAnswerDue() + ".\n\n"
                    + "What was asked: " + item.getWhat() + "\n"
                    + (item.getReference() == null ? "" : "Reference: " + item.getReference() + "\n")
                    + "\nClose it in Tasklist or with POST /api/accountability/" + item.getId() + "/closure\n"
                    + "(EXPLAINED, CORRECTED, ROLE_WITHDRAWN or REMOVAL_PROPOSED).\n"));
        }
        return admins.size();
    }

    private int toPeople(String itemId, String scope, String subject, String preface) {
        AccountabilityItem item = accountability.find(itemId);
        int sent = 0;
        for (Member person : roster.people(item.getDistroId())) {
            // Encrypted to the key the person was admitted with; the text holds references only, so a
            // person the roster knows without a key on file still gets it, signed.
            mail.send(new OutgoingMail(Notifications.key(scope, null, person.getEmail()), person.getEmail(),
                    subject + item.getRoleId() + " (" + item.getDistro() + ")",
                    "Dear " + person.getName() + ",\n\n" + preface
                    + "the list asks " + item.getDistro() + " to explain what went wrong in role " + item.getRoleId()
                    + ", which your distro holds, and how it will be done right on further occasions.\n\n"
                    + "What was not done or went wrong: " + item.getWhat() + "\n"
                    + (item.getReference() == null ? "" : "Reference: " + item.getReference() + "\n")
                    + "\nAnswer by " + item.getAnswerDue() + " in Tasklist, or with\n"
                    + "  POST /api/accountability/" + item.getId() + "/answer\n"
                    + "  {\"explanation\": \"...\", \"correction\": \"...\"}\n"
                    + "Without an answer the list admins take it up.\n",
                    roster.keyOnFile(person).orElse(null)));
            sent++;
        }
        return sent;
    }
}
