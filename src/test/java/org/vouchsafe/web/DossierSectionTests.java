package org.vouchsafe.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierSectionTests {

    @Test
    void shouldRefuseThirdPartyImagesAndImagesWithoutTextAlternative() {
        assertThatThrownBy(() -> new DossierSection("Chart", null, "https://evil.example/x.svg", "alt", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DossierSection("Chart", null, "/api/requests/1/track-record.svg", " ", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DossierSection("Keys", null, null, null, null, 0).facts()).isEmpty();
    }
}
