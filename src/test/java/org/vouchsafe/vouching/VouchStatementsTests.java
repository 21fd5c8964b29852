package org.vouchsafe.vouching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

/** A voucher signs what the list asks of a voucher (criterion 9, role A13), in the list's own words. */
class VouchStatementsTests {

    private final MembershipRequest request = new MembershipRequest("linux-distros", "Example Linux", "applicant",
            Instant.parse("2026-11-27T10:00:00Z"));
    private final Requester ann = new Requester("Ann Example", "Ann@Example.org", null, "key");

    @Test
    void shouldAffirmWhatRoleA13AsksOfAVoucherWordForWord() {
        String text = new VouchStatements().text(request, "Val@Other.org", ann);

        assertThat(text).contains("Role A13: I am confident of their trustworthiness, expected proper use of the list, "
                + "and contributions.\n");
    }

    @Test
    void shouldAffirmWhoMayVouchUnderCriterion9() {
        String text = new VouchStatements().text(request, "val@other.org", ann);

        assertThat(text.replace('\n', ' ')).contains("already on the private list",
                "active on oss-security for years and am not affiliated with this distro nor its organization",
                "one of this distro's requesters and have been vouched for myself",
                "they will be able to vouch for others on their team");
    }

    @Test
    void shouldNameTheRequestListDistroVoucherAndPersonInPlainLfText() {
        String text = new VouchStatements().text(request, "Val@Other.org", ann);

        assertThat(text).contains("\nList: linux-distros\n", "\nDistro: Example Linux\n", "\nVoucher: val@other.org\n",
                "\nVouches for: Ann Example <ann@example.org>\n").doesNotContain("\r").endsWith("\n");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("-"));
    }
}
