package org.vouchsafe.members;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vouchsafe.system.PersonalAccounts;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamesTests {

    @Test
    void shouldDeriveAUserIdCamundasWebappsAcceptFromTheAddress() {
        assertThat(Usernames.base("Ann.Example+lists@Example.org")).isEqualTo("ann-example-lists-example-org");
        assertThat(Usernames.base("--ann__@ex.org")).isEqualTo("ann-ex-org");
        assertThat(Usernames.base("a".repeat(100) + "@example.org")).hasSizeLessThanOrEqualTo(60)
                .matches(PersonalAccounts.USERNAME_PATTERN);
    }

    @Test
    void shouldNumberAUserIdThatIsTaken() {
        Set<String> taken = Set.of("ann-example-org", "ann-example-org-2");

        assertThat(Usernames.unique("ann@example.org", taken::contains)).isEqualTo("ann-example-org-3");
        assertThat(Usernames.unique("bob@example.org", taken::contains)).isEqualTo("bob-example-org");
    }
}
