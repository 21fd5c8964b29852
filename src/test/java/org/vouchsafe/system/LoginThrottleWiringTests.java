package org.vouchsafe.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's authentication events reach the throttle: a successful HTTP Basic sign-in
 * clears the failures counted for its address.
 */
@VouchsafeTest
class LoginThrottleWiringTests {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldClearEarlierFailuresWhenTheUserSignsInOverHttp() {
        // given: four failures of reviewer5 from this machine
        for (int i = 0; i < 4; i++) {
            throttle.failed("reviewer5", "127.0.0.1");
        }

        // when: reviewer5 signs in successfully over HTTP Basic
        Api.Response response = new Api(rest).get("reviewer5", "/api/catalogue/criteria");

        // then: this address's count starts afresh, so one more failure does not make it wait
        assertThat(response.status()).isEqualTo(200);
        throttle.failed("reviewer5", "127.0.0.1");
        assertThat(throttle.blockedFor("reviewer5", "127.0.0.1")).isEmpty();
        throttle.succeeded("reviewer5", "127.0.0.1");
    }
}
