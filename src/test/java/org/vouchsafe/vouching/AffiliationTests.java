package org.vouchsafe.vouching;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

import static org.assertj.core.api.Assertions.assertThat;

class AffiliationTests {

    private final MembershipRequest request = request();

    private static MembershipRequest request() {
        MembershipRequest r = new MembershipRequest("linux-distros", "Example Linux", "applicant", Instant.now());
        r.setHomepage("https://www.example.org/");
        r.setOrganization("Example Foundation");
        r.getRequesters().add(new Requester("Ann", "ann@examplecorp.co.uk", "ExampleCorp Ltd.", "key"));
        r.getRequesters().add(new Requester("Bob", "bob@gmail.com", null, "key"));
        return r;
    }

    @Test
    void shouldFindTheOrganizationWhateverCaseAccentsAndLegalForm() {
        assertThat(Affiliation.of("v@elsewhere.example", "The EXAMPLE Foundation, Inc.", request)).isNotEmpty();
        assertThat(Affiliation.of("v@elsewhere.example", "Éxample", request)).isNotEmpty();
        assertThat(Affiliation.of("v@elsewhere.example", "examplecorp", request)).isNotEmpty();
    }

    @Test
    void shouldFindTheHomepageDomainAndARequestersDomain() {
        assertThat(Affiliation.of("v@security.example.org", null, request)).singleElement().asString()
                .contains("homepage");
        assertThat(Affiliation.of("v@mail.examplecorp.co.uk", null, request)).singleElement().asString()
                .contains("examplecorp.co.uk");
    }

    @Test
    void shouldNotTreatAnUnrelatedVoucherOrASharedMailProviderAsAffiliated() {
        assertThat(Affiliation.of("v@gmail.com", "Independent security researcher", request)).isEmpty();
        assertThat(Affiliation.of("v@counterexample.org", "Counterexample Project", request)).isEmpty();
    }

    @Test
    void shouldCompareNamesWordByWordNotByCharacters() {
        assertThat(Affiliation.overlaps(Affiliation.tokens("Red Hat"), Affiliation.tokens("Red Hat Product Security")))
                .isTrue();
        assertThat(Affiliation.overlaps(Affiliation.tokens("Hat"), Affiliation.tokens("Redhatter"))).isFalse();
        assertThat(Affiliation.tokens("  ")).isEqualTo(List.of());
    }
}
