package org.vouchsafe.review;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vouchsafe.intake.MembershipRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer must not judge their own distro, organization or a distro in their mail domain. */
class ConflictOfInterestTests {

    private static final ReviewerProfile DAN = new ReviewerProfile("reviewer2", "Dan Debian", "reviewer2@debian.org",
            "Debian", "Software in the Public Interest");
    private static final ReviewerProfile FAY = new ReviewerProfile("reviewer3", "Fay Fedora",
            "reviewer3@fedoraproject.org", "Fedora", "Red Hat");

    private final ConflictOfInterest conflicts = new ConflictOfInterest();

    @ParameterizedTest
    @ValueSource(strings = {"Debian", "debian", "DEBIAN", " Debian! ", "De-bian", "The Debian Project", "Debian GmbH"})
    void shouldFindTheSameDistroWhateverItsCaseOrPunctuation(String distro) {
        // given
        MembershipRequest request = request(distro, "Example Foundation", "https://example.org");

        // when / then
        assertThat(conflicts.conflicted(DAN, request)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Red Hat", "red hat", "Red Hat, Inc.", "RED-HAT LLC", "RedHat"})
    void shouldFindTheSameOrganization(String organization) {
        MembershipRequest request = request("Example Enterprise Linux", organization, "https://example.org");

        assertThat(conflicts.conflicted(FAY, request)).isTrue();
    }

    @Test
    void shouldFindADistroNamedLikeTheReviewersOrganization() {
        MembershipRequest request = request("Red Hat", null, "https://example.org");

        assertThat(conflicts.conflicted(FAY, request)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://debian.org", "https://www.debian.org/", "https://security.debian.org/path?q=1",
            "http://WWW.DEBIAN.ORG:8080"})
    void shouldFindTheReviewersMailDomainInTheHomepage(String homepage) {
        MembershipRequest request = request("Example Linux", "Example Foundation", homepage);

        assertThat(conflicts.conflicted(DAN, request)).isTrue();
    }

    @Test
    void shouldFindAReviewersSubdomainMailAddress() {
        ReviewerProfile lists = new ReviewerProfile("r", "R", "r@lists.example.org", null, null);

        assertThat(conflicts.conflicted(lists, request("Example Linux", null, "https://www.example.org"))).isTrue();
    }

    @Test
    void shouldFindNoConflictWithAnUnrelatedDistro() {
        MembershipRequest request = request("Example Linux", "Example Foundation", "https://example.org");

        assertThat(conflicts.conflicted(DAN, request)).isFalse();
        assertThat(conflicts.conflicted(FAY, request)).isFalse();
    }

    @Test
    void shouldNotConfuseADistroThatMerelyContainsTheName() {
        MembershipRequest request = request("Debian Edu Derivative", "Example Foundation", "https://example.org");

        assertThat(conflicts.conflicted(DAN, request)).isFalse();
    }

    @Test
    void shouldFindNoConflictWithoutAHomepageOrOrganization() {
        MembershipRequest request = request("Example Linux", null, null);

        assertThat(conflicts.conflicted(DAN, request)).isFalse();
    }

    @Test
    void shouldFindNoConflictForAReviewerWithoutProfile() {
        assertThat(conflicts.conflicted(null, request("Debian", "Software in the Public Interest", "https://debian.org")))
                .isFalse();
    }

    @Test
    void shouldNotMatchOnAnEmptyNormalisedOrganization() {
        // "The Foundation" normalises to nothing; it must not match another empty name
        ReviewerProfile vague = new ReviewerProfile("r", "R", "r@mail.example.net", "The Project", "The Foundation");

        assertThat(conflicts.conflicted(vague, request("Example Linux", "Foundation", "https://example.org"))).isFalse();
    }

    /** Two unrelated sites under a two-label public suffix (co.uk, com.au, org.br) are not one organization. */
    @Test
    void shouldNotTreatAPublicSuffixAsOneSite() {
        ReviewerProfile uk = new ReviewerProfile("r", "R", "r@bigcorp.co.uk", "Other Linux", "Big Corp");

        assertThat(conflicts.conflicted(uk, request("Example Linux", "Example Ltd", "https://example.co.uk"))).isFalse();
    }

    private static MembershipRequest request(String distro, String organization, String homepage) {
        MembershipRequest request = new MembershipRequest("linux-distros", distro.trim(), "applicant", Instant.now());
        request.setOrganization(organization);
        request.setHomepage(homepage);
        return request;
    }
}
