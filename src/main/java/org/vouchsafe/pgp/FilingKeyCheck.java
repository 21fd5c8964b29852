package org.vouchsafe.pgp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.FilingCheck;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingValidator;
import org.vouchsafe.problem.FieldProblem;

/**
 * Every requester must be reachable by encrypted mail (criterion 8) and able to sign the policy
 * statement (criterion 6), so an unusable key is refused at filing, one problem per defect. Intake
 * itself refuses a missing or oversized key block; this looks at the others. The messages never
 * echo the block, so pasted secret key material is neither stored nor logged.
 */
@Component
public class FilingKeyCheck implements FilingCheck {

    private final CertificateInspector keys;
    private final Clock clock;

    public FilingKeyCheck(CertificateInspector keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void validate(FilingRequest filing, LocalDate today, List<FieldProblem> problems) {
        List<FilingRequest.RequesterInput> requesters = filing.requesters();
        if (requesters == null) {
            return;
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < requesters.size(); i++) {
            FilingRequest.RequesterInput r = requesters.get(i);
            // an address given twice is reported on its own field; there is no user id to match for it
            boolean emailOk = r != null && FilingValidator.isEmail(r.email())
                    && emails.add(r.email().trim().toLowerCase(Locale.ROOT));
            if (r == null || r.publicKey() == null || r.publicKey().isBlank()
                    || r.publicKey().length() > FilingValidator.MAX_KEY_BYTES) {
                continue;
            }
            KeyReport report = keys.inspect(r.publicKey(), emailOk ? r.email().trim() : null, clock.instant());
            for (KeyProblem problem : report.problems()) {
                // without a usable address there is no user id to match; the address is reported on its own field
                if (emailOk || problem.code() != KeyProblem.Code.NO_MATCHING_USER_ID) {
                    problems.add(new FieldProblem("requesters[" + i + "].publicKey", problem.message()));
                }
            }
        }
    }
}
