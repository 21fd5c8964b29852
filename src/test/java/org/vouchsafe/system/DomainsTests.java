package org.vouchsafe.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsTests {

    @Test
    void shouldTreatSubdomainsOfOneSiteAsOneOrganization() {
        assertThat(Domains.ofEmail("r@lists.example.org")).contains("example.org");
        assertThat(Domains.ofUrl("https://www.example.org/security")).contains("example.org");
    }

    @Test
    void shouldKeepCountrySecondLevelRegistrationsApart() {
        assertThat(Domains.ofEmail("r@mail.bigcorp.co.uk")).contains("bigcorp.co.uk");
        assertThat(Domains.ofUrl("https://example.co.uk")).contains("example.co.uk");
    }

    @Test
    void shouldFindNothingInWhatIsNotAnAddressOrASite() {
        assertThat(Domains.ofEmail("no-at-sign")).isEmpty();
        assertThat(Domains.ofUrl("not a url")).isEmpty();
        assertThat(Domains.registrable("localhost")).isEmpty();
    }
}
