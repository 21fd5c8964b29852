package org.vouchsafe.web;

import java.util.List;

/**
 * A part of the reviewers' dossier contributed by a feature (track-record charts, key and
 * challenge status, the vouch graph). The dossier renders every contributed section as given:
 * a heading, an optional sentence, an optional SVG embedded with {@code <img>} from
 * {@code svgUrl} and optional label/value facts. The URL must be a same-origin path that the
 * pages' (session) security chain serves, such as {@code /requests/{id}/track-record.svg}:
 * the {@code /api/**} chain is stateless HTTP Basic and does not see the page's sign-in.
 *
 * @param order where the section goes among the contributed ones (lower first)
 */
public record DossierSection(String heading, String description, String svgUrl, String svgAlt,
                             List<Fact> facts, int order) {

    public DossierSection {
        if (heading == null || heading.isBlank()) {
            throw new IllegalArgumentException("a dossier section needs a heading");
        }
        if (svgUrl != null && !svgUrl.startsWith("/")) {
            // Only same-origin paths: the dossier must not make a reviewer's browser fetch third-party content.
            throw new IllegalArgumentException("svgUrl must be a same-origin path starting with '/': " + svgUrl);
        }
        if (svgUrl != null && (svgAlt == null || svgAlt.isBlank())) {
            throw new IllegalArgumentException("an embedded SVG needs a text alternative (svgAlt)");
        }
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /**
     * One labelled fact, e.g. a requester and their key's fingerprint, optionally with a link to what
     * it is about (a same-origin path on the pages' chain, like {@code svgUrl}).
     */
    public record Fact(String label, String value, String href) {

        public Fact {
            if (href != null && (!href.startsWith("/") || href.startsWith("//"))) {
                throw new IllegalArgumentException("href must be a same-origin path starting with '/': " + href);
            }
        }

        /** A fact without a link. */
        public Fact(String label, String value) {
            this(label, value, null);
        }
    }
}
