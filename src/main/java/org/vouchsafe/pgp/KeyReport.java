package org.vouchsafe.pgp;

import java.util.List;
import java.util.Optional;

/**
 * The health of one submitted certificate.
 *
 * @param fingerprint full fingerprint (40 or 64 upper-case hex digits) when the block could be read as
 *                    exactly one public certificate; empty when it could not
 * @param problems    everything wrong with it, each naming what to do; empty when healthy
 * @param concerns    what is accepted but below the {@link KeyPolicy}'s recommendation (an RSA-2048 key):
 *                    never a reason to refuse, shown to reviewers with criterion 8
 */
public record KeyReport(Optional<String> fingerprint, List<KeyProblem> problems, List<KeyProblem> concerns) {

    public KeyReport {
        problems = List.copyOf(problems);
        concerns = List.copyOf(concerns);
    }

    /** A report without concerns. */
    public KeyReport(Optional<String> fingerprint, List<KeyProblem> problems) {
        this(fingerprint, problems, List.of());
    }

    /** True when the certificate can be used: it parsed and no check failed (concerns do not count). */
    public boolean healthy() {
        return fingerprint.isPresent() && problems.isEmpty();
    }

    /** Whether a problem with this code was found. */
    public boolean has(KeyProblem.Code code) {
        return problems.stream().anyMatch(p -> p.code() == code);
    }
}
