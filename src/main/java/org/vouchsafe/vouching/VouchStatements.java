package org.vouchsafe.vouching;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

/**
 * The text a voucher signs. Deterministic (no date: the signature carries its own time, and a
 * statement fetched yesterday must still match), LF line endings, a final newline; it names the
 * request, so a vouch cannot be replayed on another request, and says plainly what vouching means.
 */
@Component
class VouchStatements {

    String text(MembershipRequest request, String voucherEmail, Requester requester) {
        return "Vouchsafe: vouch for a requester of the (linux-)distros lists\n"
                + "\n"
                + "Request: " + request.getId() + "\n"
                + "List: " + request.getList() + "\n"
                + "Distro: " + oneLine(request.getDistroName()) + "\n"
                + "Voucher: " + normalise(voucherEmail) + "\n"
                + "Vouches for: " + oneLine(requester.getName()) + " <" + normalise(requester.getEmail()) + ">\n"
                + "\n"
                + "I vouch that the person named above is who they say they are and handles security\n"
                + "issues for the distro named above responsibly. I know them personally or through\n"
                + "their work, as stated in my vouch, and I am not vouching on anyone else's word.\n"
                + "Once vouched for, they may vouch for the other people on their team.\n";
    }

    /** Addresses compare and appear in lower case. */
    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Names come from the filing; a line break in one must not forge another line of the statement. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").trim();
    }

    /** Whether a sent statement is the served one, up to line endings and trailing blank lines. */
    static boolean same(String served, String sent) {
        return sent != null && canonical(served).equals(canonical(sent));
    }

    /**
     * The text a signature over a sent statement is checked against: the sent text up to line
     * endings and trailing blank lines, with the served statement's one final newline. When the sent
     * statement is {@link #same} as the served one, this is exactly the served text.
     */
    static String asServed(String sent) {
        return canonical(sent == null ? "" : sent) + "\n";
    }

    private static String canonical(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        int end = lf.length();
        while (end > 0 && (lf.charAt(end - 1) == '\n' || lf.charAt(end - 1) == ' ')) {
            end--;
        }
        return lf.substring(0, end);
    }
}
