package org.vouchsafe.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.Fixtures;
import org.vouchsafe.pgp.KeyPolicy;
import org.vouchsafe.pgp.KeySuccession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A member's key health on their page: a warning in the 30 days before the key stops working. */
class MemberKeysTests {

    static final String KEY = Fixtures.text("corpus/key-expired.asc");

    @Test
    void shouldWarnInTheThirtyDaysBeforeTheKeyExpires() throws Exception {
        Instant expiry = new BcOpenPGPApi().readKeyOrCertificate().parseCertificate(KEY).getPrimaryKey()
                .getKeyExpirationDate().toInstant();

        assertThat(healthAt(expiry.minus(Duration.ofDays(45))).status()).isEqualTo("OK");
        MemberKeys.KeyHealth soon = healthAt(expiry.minus(Duration.ofDays(10)));
        assertThat(soon.status()).isEqualTo("EXPIRING");
        assertThat(soon.messages()).singleElement().asString().contains("within 30 days");
        assertThat(healthAt(expiry.plus(Duration.ofDays(1))).status()).isEqualTo("UNUSABLE");
    }

    private static MemberKeys.KeyHealth healthAt(Instant now) {
        Member member = new Member(null, "Old Linux", "linux-distros", "Old Member", "old@example.org", null, now);
        MemberKeyRepository keys = mock(MemberKeyRepository.class);
        when(keys.findById(member.getId())).thenReturn(Optional.of(new MemberKey(member.getId(), KEY, "X", now)));
        CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());
        MemberKeys memberKeys = new MemberKeys(mock(Requests.class), mock(MemberRepository.class), keys, inspector,
                new KeySuccession(inspector), mock(AuditLog.class), Clock.fixed(now, ZoneOffset.UTC));
        return memberKeys.health(member);
    }
}
