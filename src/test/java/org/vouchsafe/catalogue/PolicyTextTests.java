package org.vouchsafe.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The policy people sign is the list's own text: version 2017-06-28 is, word for word and line
 * for line, the policy section of the list admin's announcement of 28 June 2017 (the project's
 * seed), all five paragraphs including the Traffic Light Protocol one.
 */
class PolicyTextTests {

    /** Copied from the announcement, between "is as follows:" and "I am sorry for the long message." */
    private static final String ANNOUNCED = """
        Aside from your participation in discussions with the reporter and on
        the (linux-)distros lists (including possibly continuing to CC other
        prior recipients of the information), the information you receive
        through the (linux-)distros lists must not be made public, shared, nor
        even hinted at anywhere beyond the need-to-know within your distro's
        team, until the agreed upon public disclosure date/time, the reporter's
        explicit approval, or substantially complete publication by others.

        Neither you nor others you inform may use the information for anything
        other than getting the issue fixed for your distro's users and, only in
        rare extreme cases, for deployment of maximally non-revealing changes to
        maintain security of your distro's infrastructure most essential to the
        distro users' security in face of the security issue being dealt with.
        The need-to-know condition is met only if the person needs to
        participate in one of these two activities.

        Before you share the information with others within your distro's team
        based on their need-to-know, you need to get these people to agree to
        these same terms, optionally (and preferably) with the additional
        limitation that they may not share the information further (not even
        with others on the team, not even based on need-to-know) without
        explicit approval by you or another individual directly subscribed to
        the (linux-)distros list for your distro.

        In the unfortunate event that you happen to share or/and use the
        information beyond what's allowed by this policy (thus, creating a
        leak), you must urgently (right after you became aware of the leak)
        inform the reporter and the (linux-)distros (sub-)list you had received
        the information from of the leak and of its extent (if readily known).
        You must also conduct an internal investigation of the leak, and inform
        the reporter and the list of the exact extent of the leak (to the best
        of your knowledge) and of measures (intended to be) taken to prevent
        such leaks going forward.

        The above is the main policy definition, but in case you prefer the
        Traffic Light Protocol, in its terms this is TLP:AMBER with the
        need-to-know condition as specified above and with the following
        additional limitation on sharing: you must not share the information
        with anyone outside of your distro's team, including not within the rest
        of your organization nor with your clients or customers, including not
        in any derived form (not even through delivering or deploying
        undocumented fixes).  Once the embargo is over, this is TLP:WHITE.
        """;

    private final Catalogue catalogue = new Catalogue();

    @Test
    void shouldServeVersion20170628WordForWordAsAnnounced() {
        assertThat(catalogue.policy("2017-06-28").orElseThrow().text()).isEqualTo(ANNOUNCED);
    }

    @Test
    void shouldKeepEveryRuleAParaphraseDropped() {
        String text = catalogue.currentPolicy().text();

        assertThat(text).contains("nor\neven hinted at", "maintain security of your distro's infrastructure",
                "you need to get these people to agree to\nthese same terms", "TLP:AMBER",
                "including not within the rest\nof your organization nor with your clients or customers",
                "(not even through delivering or deploying\nundocumented fixes)");
        assertThat(text).doesNotContain("\r", "security team");
    }
}
