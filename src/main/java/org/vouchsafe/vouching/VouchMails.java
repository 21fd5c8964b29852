package org.vouchsafe.vouching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.notification.MailService;
import org.vouchsafe.notification.OutgoingMail;

/**
 * The mails to named vouchers: the request to vouch, with the statement to sign and how to send
 * the vouch, and one reminder. Signed by the list key, not encrypted: the statement is no secret,
 * and a non-member's key is not known before they answer.
 */
@Component
class VouchMails {

    private final MailService mail;
    private final VouchStatements statements;
    private final VouchingProperties properties;

    VouchMails(MailService mail, VouchStatements statements, VouchingProperties properties) {
        this.mail = mail;
        this.statements = statements;
        this.properties = properties;
    }

    /** Sent once per voucher and requester (the idempotency key says so), whoever triggers it again. */
    void ask(MembershipRequest request, NamedVoucher voucher, Requester requester, boolean member) {
        mail.send(OutgoingMail.signedOnly("vouch-request:" + request.getId() + ":" + key(voucher),
                voucher.getEmail(), "Please vouch for " + oneLine(requester.getName()) + " (" + oneLine(request.getDistroName())
                        + ", " + request.getList() + ")", body(request, voucher, requester, member, "")));
    }

    void remind(MembershipRequest request, NamedVoucher voucher, Requester requester, boolean member) {
        mail.send(OutgoingMail.signedOnly("vouch-reminder:" + request.getId() + ":" + key(voucher),
                voucher.getEmail(), "Reminder: please vouch for " + oneLine(requester.getName()) + " ("
                        + oneLine(request.getDistroName()) + ")", body(request, voucher, requester, member,
                        "This is a reminder: we have not received your vouch yet.\n\n")));
    }

    /**
     * After a list admin reopened vouching: asked again, once per reopening (the new deadline is part
     * of the idempotency key, so a second reopening asks once more).
     */
    void askAgain(MembershipRequest request, NamedVoucher voucher, Requester requester, boolean member,
                  Instant deadline) {
        mail.send(OutgoingMail.signedOnly("vouch-reopened:" + request.getId() + ":" + deadline.getEpochSecond() + ":"
                + key(voucher), voucher.getEmail(), "Vouching reopened: please vouch for " + oneLine(requester.getName())
                + " (" + oneLine(request.getDistroName()) + ")", body(request, voucher, requester, member,
                "The list admin reopened vouching for this request: vouches are taken again until " + deadline
                        + ".\n\n")));
    }

    private static String key(NamedVoucher voucher) {
        return VouchStatements.normalise(voucher.getEmail()) + ":" + VouchStatements.normalise(voucher.getVouchesFor());
    }

    private String body(MembershipRequest request, NamedVoucher voucher, Requester requester, boolean member,
                        String preface) {
        String api = properties.publicUrl() + "/api/requests/" + request.getId() + "/vouches";
        String statementUrl = api + "/statement?voucher=" + encode(voucher.getEmail()) + "&for=" + encode(requester.getEmail());
        StringBuilder s = new StringBuilder();
        s.append("Hello ").append(oneLine(voucher.getName())).append(",\n\n");
        s.append(preface);
        s.append(oneLine(request.getDistroName())).append(" asks to join the ").append(request.getList())
                .append(" list and names you as willing to vouch for ").append(oneLine(requester.getName())).append(" <")
                .append(requester.getEmail()).append(">.\n\n");
        s.append("To vouch means: you know this person (personally or through their work), you believe they are who\n"
                + "they say they are and will handle embargoed reports responsibly. Say how well you know them:\n"
                + "WORKED_CLOSELY, KNOWS_WORK or CROSSED_PATHS. Once they are vouched for, they may vouch for the\n"
                + "rest of their team.\n\n");
        if (!member) {
            s.append("You are not a list member, so you may vouch only if you have been active on oss-security for at\n"
                    + "least ").append(properties.veteranMinYears()).append(" years and are not affiliated with ")
                    .append(oneLine(request.getDistroName())).append(" nor its organization. A list admin confirms\n"
                    + "your evidence before your vouch counts.\n\n");
        }
        s.append("1. Save this statement (also served at ").append(statementUrl).append(")\n   as statement.txt:\n\n");
        s.append(statements.text(request, voucher.getEmail(), requester)).append('\n');
        s.append("2. Sign it: gpg --armor --detach-sign statement.txt\n\n");
        s.append("3. Send your vouch (no account needed; your signature authenticates you):\n\n");
        s.append("   POST ").append(api).append("\n   {\"voucher\": {\"name\": \"...\", \"email\": \"").append(voucher.getEmail())
                .append("\", \"affiliation\": \"...\"");
        if (!member) {
            s.append(", \"publicKey\": \"<gpg --armor --export>\", \"firstActivity\": \"YYYY-MM-DD\",\n"
                    + "    \"evidence\": [\"https://www.openwall.com/lists/oss-security/...\"]");
        }
        s.append("},\n    \"requester\": \"").append(requester.getEmail()).append("\", \"strength\": \"KNOWS_WORK\",\n"
                + "    \"statement\": \"<statement.txt>\", \"signature\": \"<statement.txt.asc>\",\n"
                + "    \"comment\": \"how you know them\"}\n\n");
        if (member) {
            s.append("As a list member you can also vouch from your task in Tasklist.\n\n");
        }
        s.append("If you do not know this person, ignore this mail or tell the list admin.\n");
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
