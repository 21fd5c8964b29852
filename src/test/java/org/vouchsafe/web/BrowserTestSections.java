package org.vouchsafe.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A test-only contributor to the dossier, standing in for the track-record chart and vouch
 * graph features until they exist: it contributes an embedded SVG section, and only for
 * requests the browser test registers, so no other test or page sees it.
 */
@Component
class BrowserTestSections implements DossierSections {

    static final String HEADING = "Browser-test fixture chart";
    static final String SVG = "/test/dossier-fixture.svg";

    private static final Set<String> REQUESTS = ConcurrentHashMap.newKeySet();

    static void contributeTo(String requestId) {
        REQUESTS.add(requestId);
    }

    @Override
    public List<DossierSection> sections(String requestId) {
        if (!REQUESTS.contains(requestId)) {
            return List.of();
        }
        return List.of(new DossierSection(HEADING, "Contributed by the browser test through the DossierSections registry.",
                SVG, "A fixture bar drawn as SVG", List.of(new DossierSection.Fact("Fixture", "contributed")), 100));
    }
}
