package org.vouchsafe.vouching;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

import static org.assertj.core.api.Assertions.assertThat;

class VouchChainSvgTests {

    @Test
    void shouldDrawVouchersRequestersAndTeammatesWithStrengthsAndEscapeEveryText() {
        MembershipRequest request = new MembershipRequest("linux-distros", "Evil <Linux> & \"Co\"", "applicant", Instant.now());
        request.getRequesters().add(new Requester("Ann <script>alert(1)</script>", "ann@example.org", null, "key"));
        request.getRequesters().add(new Requester("Bob", "bob@example.org", null, "key"));
        request.getRequesters().add(new Requester("Cat", "cat@example.org", null, "key"));
        List<Vouch> vouches = List.of(
                new Vouch(request.getId(), "Mo <b>Member</b>", "mo@member.example", null, VoucherBranch.MEMBER,
                        "ann@example.org", VouchStrength.WORKED_CLOSELY, "knows ' her", VouchStatus.COUNTING, 1, "FP", "t",
                        "s", Instant.now(), Instant.now()),
                new Vouch(request.getId(), "Ann", "ann@example.org", null, VoucherBranch.TEAMMATE, "bob@example.org",
                        VouchStrength.CROSSED_PATHS, null, VouchStatus.COUNTING, 2, "FP", "t", "s", Instant.now(),
                        Instant.now()));
        VouchChain chain = VouchChain.of(List.of("ann@example.org", "bob@example.org", "cat@example.org"), vouches, 1);

        String svg = VouchChainSvg.render(request, vouches, chain);

        assertThat(svg).startsWith("<svg").contains("Vouchers", "Vouched requesters", "Teammates (depth 2)",
                "Not vouched yet", "WORKED_CLOSELY", "CROSSED_PATHS", "stroke-width=\"4\"", "stroke-width=\"1\"");
        assertThat(svg).doesNotContain("<script>", "<b>", "<Linux>")
                .contains("&lt;script&gt;", "Evil &lt;Linux&gt; &amp; &quot;Co&quot;", "knows &#39; her");
        // Cat is in the last column, "Not vouched yet"
        assertThat(svg.indexOf("cat@example.org")).isGreaterThan(svg.indexOf("bob@example.org"));
    }

    @Test
    void shouldShowEachRequestersDepthAndGreyAVouchFromBeyondTheTeammateDepth() {
        MembershipRequest request = new MembershipRequest("linux-distros", "Example Linux", "applicant", Instant.now());
        for (String name : new String[] {"Ann", "Bob", "Cat"}) {
            request.getRequesters().add(new Requester(name, name.toLowerCase() + "@example.org", null, "key"));
        }
        List<Vouch> vouches = List.of(
                vouch(VoucherBranch.MEMBER, "Mo", "mo@member.example", "ann@example.org"),
                vouch(VoucherBranch.TEAMMATE, "Ann", "ann@example.org", "bob@example.org"),
                vouch(VoucherBranch.TEAMMATE, "Bob", "bob@example.org", "cat@example.org"));

        String oneHop = VouchChainSvg.render(request, vouches, VouchChain.of(List.of("ann@example.org", "bob@example.org",
                "cat@example.org"), vouches, 1));
        String twoHops = VouchChainSvg.render(request, vouches, VouchChain.of(List.of("ann@example.org", "bob@example.org",
                "cat@example.org"), vouches, 2));

        assertThat(oneHop).contains("Teammate depth 1: requesters at depth 1 may vouch for teammates", ">depth 1<", ">depth 2<",
                "Bob: depth 2, may not vouch for teammates", "does not count: beyond the teammate depth 1",
                "stroke-dasharray=\"2 3\"").doesNotContain(">depth 3<");
        assertThat(twoHops).contains("Teammate depth 2", ">depth 3<", "Teammates (depth 3)", "Bob: depth 2, may vouch for teammates")
                .doesNotContain("does not count");
    }

    private static Vouch vouch(VoucherBranch branch, String name, String voucher, String requester) {
        return new Vouch("r", name, voucher, null, branch, requester, VouchStrength.KNOWS_WORK, null, VouchStatus.COUNTING,
                1, "FP", "t", "s", Instant.now(), Instant.now());
    }
}
