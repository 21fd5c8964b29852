package org.vouchsafe.membership;

import java.util.Optional;
import java.time.LocalDate;

/**
 * The date a DEFER decision should default to for a request, when a feature knows one (the
 * track record becomes a year long on its eligibility date).
 */
public interface DeferralDefaults {

    Optional<LocalDate> deferUntil(String requestId);
}
