package org.vouchsafe.vouching;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Criterion-9 settings under {@code vouchsafe.vouching.*}.
 *
 * @param reminder        {@code reminder}: when vouchers who have not vouched are reminded (ISO-8601, P7D)
 * @param deadline        {@code deadline}: when criterion 9 fails if nobody is vouched for (P30D)
 * @param veteranMinYears {@code veteran-min-years}: years of oss-security activity a non-member voucher needs (3)
 * @param publicUrl       {@code public-url}: the address vouchers reach the API at, used in mails
 * @param teammateDepth   {@code teammate-depth}: how deep in the chain a vouched requester may be and still
 *                        vouch for teammates (1, the seed's one hop: only someone vouched for by a member or
 *                        veteran; 0: no teammate vouching; 2: one hop more)
 */
@ConfigurationProperties("vouchsafe.vouching")
public record VouchingProperties(@DefaultValue("P7D") Duration reminder, @DefaultValue("P30D") Duration deadline,
                                 @DefaultValue("3") int veteranMinYears,
                                 @DefaultValue("http://localhost:8080") String publicUrl,
                                 @DefaultValue("1") int teammateDepth) {

    public VouchingProperties {
        if (reminder.isNegative() || reminder.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("vouchsafe.vouching.reminder and .deadline must be positive durations");
        }
        if (veteranMinYears < 0) {
            throw new IllegalArgumentException("vouchsafe.vouching.veteran-min-years must not be negative");
        }
        if (teammateDepth < 0) {
            throw new IllegalArgumentException("vouchsafe.vouching.teammate-depth must not be negative (0 turns "
                    + "teammate vouching off)");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The veterans' minimum activity as a period, for date arithmetic. */
    Period veteranMinActivity() {
        return Period.ofYears(veteranMinYears);
    }
}
