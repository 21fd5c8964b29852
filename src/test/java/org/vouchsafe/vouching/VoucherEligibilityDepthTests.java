package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.MemberRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Who may vouch for a teammate under {@code vouchsafe.vouching.teammate-depth}: on a request where a
 * member vouched for Ann and Ann for Bob, Ann (depth 1) and Bob (depth 2) each try to vouch for Cat.
 */
class VoucherEligibilityDepthTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MembershipRequest request = new MembershipRequest("linux-distros", "Example Linux", "applicant", NOW);
    private final VouchRepository vouches = mock(VouchRepository.class);
    private final VoucherKeys keys = mock(VoucherKeys.class);
    private final VouchStatements statements = mock(VouchStatements.class);

    VoucherEligibilityDepthTests() {
        for (String name : new String[] {"ann", "bob", "cat"}) {
            Requester r = new Requester(name, name + "@example.org", "Example Foundation", "key of " + name);
            r.setFingerprint("FP" + name.toUpperCase());
            request.getRequesters().add(r);
        }
        when(vouches.findByRequestIdOrderByRecordedAt(any())).thenReturn(List.of(
                vouch(VoucherBranch.MEMBER, "mo@member.example", "ann@example.org", 1),
                vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", 2)));
        when(keys.fingerprintOf(anyString(), anyString(), anyString())).thenAnswer(call -> call.getArgument(1));
        when(statements.text(any(), anyString(), any())).thenReturn("statement");
    }

    @Test
    void shouldLetOnlyAPersonVouchedByAMemberVouchForTeammatesAtTheDefaultDepth() {
        VoucherEligibility eligibility = eligibility(1);

        assertThat(eligibility.admit(request, vouchFor("ann", "cat"), signedBy("ann"), NOW).eligibility().depth()).isEqualTo(2);
        assertThatThrownBy(() -> eligibility.admit(request, vouchFor("bob", "cat"), signedBy("bob"), NOW))
                .isInstanceOfSatisfying(VouchRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(VouchRefusal.TEAMMATE_TOO_DEEP);
                    assertThat(e.sentence()).contains("chain depth 2", "within 1 hop");
                });
    }

    @Test
    void shouldRefuseEveryTeammateVouchAtDepthZero() {
        VoucherEligibility eligibility = eligibility(0);

        assertThatThrownBy(() -> eligibility.admit(request, vouchFor("ann", "cat"), signedBy("ann"), NOW))
                .isInstanceOfSatisfying(VouchRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(VouchRefusal.TEAMMATE_TOO_DEEP);
                    assertThat(e.sentence()).contains("teammate-depth is 0");
                });
    }

    @Test
    void shouldLetATeammateVouchedByATeammateVouchAtDepthTwo() {
        VoucherEligibility eligibility = eligibility(2);

        assertThat(eligibility.admit(request, vouchFor("bob", "cat"), signedBy("bob"), NOW).eligibility().depth()).isEqualTo(3);
    }

    private VoucherEligibility eligibility(int teammateDepth) {
        VouchingProperties properties = new VouchingProperties(Duration.ofDays(7), Duration.ofDays(30), 3,
                "http://localhost:8080", teammateDepth);
        return new VoucherEligibility(vouches, mock(VouchingRoundRepository.class), mock(MemberRepository.class), keys,
                statements, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static VouchInput vouchFor(String voucher, String requester) {
        return new VouchInput(new VouchInput.Voucher(voucher, voucher + "@example.org", "Example Foundation", null, null, null),
                requester + "@example.org", "WORKED_CLOSELY", "statement", "signature", null);
    }

    private static SignedVouch signedBy(String who) {
        return new SignedVouch(null, "FP" + who.toUpperCase(), null);
    }

    private Vouch vouch(VoucherBranch branch, String voucher, String requester, int depth) {
        return new Vouch(request.getId(), voucher, voucher, null, branch, requester, VouchStrength.KNOWS_WORK, null,
                VouchStatus.COUNTING, depth, "FP", "t", "s", NOW, NOW);
    }
}
