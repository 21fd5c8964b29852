package org.vouchsafe.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSiteRequestFilterTests {

    @Test
    void shouldTreatToolsWithoutBrowserHeadersAsSameSite() {
        assertThat(CrossSiteRequestFilter.crossSite(request())).isFalse();
    }

    @Test
    void shouldRecogniseABrowserRequestFromThisSite() {
        MockHttpServletRequest request = request();
        request.addHeader("Sec-Fetch-Site", "same-origin");
        request.addHeader("Origin", "https://vouchsafe.example");

        assertThat(CrossSiteRequestFilter.crossSite(request)).isFalse();
    }

    @Test
    void shouldRecogniseARequestFromAnotherSite() {
        MockHttpServletRequest fetchMetadata = request();
        fetchMetadata.addHeader("Sec-Fetch-Site", "cross-site");
        MockHttpServletRequest origin = request();
        origin.addHeader("Origin", "https://evil.example");
        MockHttpServletRequest opaque = request();
        opaque.addHeader("Origin", "null");
        MockHttpServletRequest sibling = request();
        sibling.addHeader("Sec-Fetch-Site", "same-site");

        assertThat(CrossSiteRequestFilter.crossSite(fetchMetadata)).isTrue();
        assertThat(CrossSiteRequestFilter.crossSite(origin)).isTrue();
        assertThat(CrossSiteRequestFilter.crossSite(opaque)).isTrue();
        assertThat(CrossSiteRequestFilter.crossSite(sibling)).isTrue();
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests/1/votes");
        request.setScheme("https");
        request.setServerName("vouchsafe.example");
        request.setServerPort(443);
        return request;
    }
}
