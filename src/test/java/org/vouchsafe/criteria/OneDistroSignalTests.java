package org.vouchsafe.criteria;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

import static org.assertj.core.api.Assertions.assertThat;

/** One request, one distro: reviewers see when a request seems to speak for several distros or an organisation. */
class OneDistroSignalTests {

    private final OneDistroSignal signal = new OneDistroSignal(CriteriaProperties.defaults());

    @Test
    void shouldStayQuietForOneDistroFiledByItsOwnPeople() {
        // given: Example Linux, two people at example.org and one volunteer with a personal address
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@example.org", "Example Foundation"));
        request.getRequesters().add(requester("bob@lists.example.org", "Example Foundation"));
        request.getRequesters().add(requester("carl@gmail.com", null));

        // when / then
        assertThat(signal.of(request)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Debian GNU/Linux", "Openwall GNU/*/Linux", "Linux From Scratch", "Example Linux 2f3a",
            "Tails", "Rocky Linux"})
    void shouldTakeOrdinaryDistroNamesForOneDistro(String name) {
        MembershipRequest request = named(name);
        request.getRequesters().add(requester("ann@example.org", "Example Foundation"));

        assertThat(signal.of(request)).as(name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo Linux and Bar BSD", "Foo Linux & Bar BSD", "Foo Linux / Bar BSD", "Foo Linux, Bar BSD",
            "Foo Linux + Bar BSD"})
    void shouldSignalSeveralDistroNamesInTheNameField(String name) {
        // when
        Signal found = signal.of(named(name)).orElseThrow();

        // then
        assertThat(found.signal()).isEqualTo("ONE_DISTRO");
        assertThat(found.level()).isEqualTo("CONCERN");
        assertThat(found.reasons().get(0)).contains("seems to name 2 distros (Foo Linux; Bar BSD)");
        assertThat(found.reasons()).last().asString().contains("one request (one oss-security thread) per distro");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme Inc.", "Acme Linux GmbH", "Example Corporation", "Acme Ltd", "Acme Systems LLC"})
    void shouldSignalAnOrganisationsNameAsTheDistro(String name) {
        Signal found = signal.of(named(name)).orElseThrow();

        assertThat(found.reasons()).anySatisfy(r -> assertThat(r).contains("reads like an organisation's"));
    }

    @Test
    void shouldNotCountACompanySuffixAsASecondDistro() {
        Signal found = signal.of(named("Acme Linux, Inc.")).orElseThrow();

        assertThat(found.reasons()).noneSatisfy(r -> assertThat(r).contains("distros ("));
        assertThat(found.reasons()).anySatisfy(r -> assertThat(r).contains("reads like an organisation's (\"Inc.\")"));
    }

    @Test
    void shouldSignalAddressesSpreadOverThreeOrganisations() {
        // given
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@example.org", "Example Foundation"));
        request.getRequesters().add(requester("bob@foo.com", "Example Foundation"));
        request.getRequesters().add(requester("carl@bar.co.uk", "Example Foundation"));

        // when
        Signal found = signal.of(request).orElseThrow();

        // then
        assertThat(found.reasons().get(0)).isEqualTo("The requesters' addresses are at 3 different organisations "
                + "(example.org, foo.com, bar.co.uk), besides the homepage's (example.org).");
    }

    @Test
    void shouldSignalTwoOrganisationsNeitherOfThemTheDistros() {
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@foo.com", null));
        request.getRequesters().add(requester("bob@bar.net", null));

        Signal found = signal.of(request).orElseThrow();

        assertThat(found.reasons().get(0)).contains("at 2 different organisations (foo.com, bar.net), none of them the "
                + "homepage's (example.org)");
    }

    @Test
    void shouldNotCountPersonalMailProvidersOrSubdomainsAsOrganisations() {
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@example.org", null));
        request.getRequesters().add(requester("bob@security.example.org", null));
        request.getRequesters().add(requester("carl@gmail.com", null));
        request.getRequesters().add(requester("dora@posteo.de", null));
        request.getRequesters().add(requester("eve@sponsor.com", null));

        assertThat(signal.of(request)).isEmpty();
    }

    @Test
    void shouldSignalSeveralAffiliationsThatAreNeitherTheDistroNorItsOrganization() {
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@example.org", "Acme Corp"));
        request.getRequesters().add(requester("bob@example.org", "Initech"));
        request.getRequesters().add(requester("carl@example.org", "The Example Foundation"));

        Signal found = signal.of(request).orElseThrow();

        assertThat(found.reasons().get(0)).isEqualTo("The requesters name 2 affiliations that are neither the distro "
                + "nor its organization (Acme Corp; Initech).");
    }

    @Test
    void shouldTakeTheThresholdFromTheSetting() {
        // given: a list that wants to hear of two organisations already
        OneDistroSignal strict = new OneDistroSignal(new CriteriaProperties(365, 20, null,
                new CriteriaProperties.OneDistro(2, null, null)));
        MembershipRequest request = named("Example Linux");
        request.getRequesters().add(requester("ann@example.org", null));
        request.getRequesters().add(requester("bob@sponsor.com", null));

        // when / then
        assertThat(signal.of(request)).isEmpty();
        assertThat(strict.of(request)).isPresent();
    }

    private static MembershipRequest named(String name) {
        MembershipRequest request = new MembershipRequest("linux-distros", name, "applicant", Instant.parse("2026-11-27T10:00:00Z"));
        request.setHomepage("https://www.example.org/");
        request.setOrganization("Example Foundation");
        return request;
    }

    private static Requester requester(String email, String affiliation) {
        return new Requester(email.substring(0, email.indexOf('@')), email, affiliation, "(key)");
    }
}
