package org.vouchsafe.accountability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.membership.Departures;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.problem.ForbiddenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Who may raise an accountability request, by {@code vouchsafe.accountability.members-may-raise}. */
class AccountabilityServiceTests {

    final AccountabilityRepository items = mock(AccountabilityRepository.class);
    final RosterService roster = mock(RosterService.class);
    final AccountabilityWorkflow workflow = mock(AccountabilityWorkflow.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final Caller member = Caller.of("mo", List.of("members", "distro-other-linux"));
    final AccountabilityService.RaiseInput input = new AccountabilityService.RaiseInput("A1", "Missed a report.", null);

    AccountabilityService service(boolean membersMayRaise) {
        when(roster.distroName("example-linux")).thenReturn(Optional.of("Example Linux"));
        when(roster.rolesHeld("example-linux")).thenReturn(Set.of("A1"));
        when(items.save(any())).thenAnswer(call -> call.getArgument(0));
        return new AccountabilityService(items, roster, mock(Departures.class), new Catalogue(), workflow,
                new AccountabilityProperties(Duration.ofDays(14), membersMayRaise), clock, mock(AuditLog.class));
    }

    @Test
    void shouldRefuseAMemberWhileOnlyListAdminsMayRaise() {
        assertThatThrownBy(() -> service(false).raise("example-linux", input, member))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldLetAMemberRaiseWhenTheSettingAllowsAndGiveTheDistroFourteenDays() {
        AccountabilityItem item = service(true).raise("example-linux", input, member);

        assertThat(item.getRaisedBy()).isEqualTo("mo");
        assertThat(item.getAnswerDue()).isEqualTo(Instant.parse("2026-12-15T10:00:00Z"));
        verify(workflow).start(item.getId(), "example-linux");
    }

    @Test
    void shouldStillRefuseSomeoneWhoIsNeitherAdminNorMember() {
        assertThatThrownBy(() -> service(true).raise("example-linux", input, Caller.of("applicant", List.of("applicants"))))
                .isInstanceOf(ForbiddenException.class);
    }
}
