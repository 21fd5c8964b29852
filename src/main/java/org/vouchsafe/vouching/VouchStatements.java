package org.vouchsafe.vouching;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

/**
 * The text a voucher signs. Deterministic (no date: the signature carries its own time, and a
 * statement fetched yesterday must still match), LF line endings, a final newline; it names the
 * request, so a vouch cannot be replayed on another request.
 * <p>
 * What the voucher affirms is what the list asks of a voucher, in its own words: criterion 9 (who
 * may vouch: someone on the private list, someone active on oss-security for years and not
 * affiliated with the distro nor its organization, or an already vouched-for teammate) and role A13
 * ("as long as you are confident of their trustworthiness, expected proper use of the list, and
 * contributions"). Nothing more is asked than the list asks.
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
                + "I vouch for the person named above, who wants to join in on behalf of the distro named\n"
                + "above. As the list's membership criteria ask of a voucher:\n"
                + "Criterion 9: I am already on the private list; or I have been active on oss-security for\n"
                + "years and am not affiliated with this distro nor its organization; or I am one of this\n"
                + "distro's requesters and have been vouched for myself.\n"
                + "Role A13: I am confident of their trustworthiness, expected proper use of the list, and contributions.\n"
                + "Once vouched for, they will be able to vouch for others on their team.\n";
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
