package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyProblem;
import org.vouchsafe.pgp.KeyReport;
import org.vouchsafe.pgp.SignatureService;
import org.vouchsafe.pgp.SignatureVerification;

/**
 * The second step of judging a vouch: the signature over the statement as sent (whether it is the
 * served one is checked with eligibility), by the key sent or, when none was sent, the key on file.
 * Runs in the transaction of {@link VouchService}.
 */
@Component
class VouchSignatures {

    private final SignatureService signatures;
    private final CertificateInspector inspector;
    private final VoucherKeys keys;
    private final Clock clock;

    VouchSignatures(SignatureService signatures, CertificateInspector inspector, VoucherKeys keys, Clock clock) {
        this.signatures = signatures;
        this.inspector = inspector;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Verifies the signature over the statement as sent (whether it is the served one is checked with
     * eligibility) by the key sent or, when none was sent, the key on file for the voucher's address:
     * a member's filed key, or a teammate's key on this request. With a key sent, the outcome depends
     * on the body alone. Without one, a missing key on file is checked against a decoy certificate
     * first, so that it costs what a wrong signature by a key on file costs.
     */
    SignedVouch verify(String requestId, VouchInput input) {
        Instant now = clock.instant();
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String text = VouchStatements.asServed(input.statement());
        String sent = input.voucher().publicKey();
        if (sent == null || sent.isBlank()) {
            Optional<String> onFile = keys.keyOnFile(requestId, voucherEmail);
            SignatureVerification verification = signatures.verifyBySentKey(onFile.orElse(signatures.decoyCertificate()),
                    text, input.signature(), now);
            if (onFile.isEmpty()) {
                throw new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.publicKey", "No key of "
                        + voucherEmail + " is on file; send your public key in voucher.publicKey (gpg --armor --export "
                        + "<your fingerprint>).");
            }
            return signed(verification, null);
        }
        // Inspected for every voucher, named or not: no branch of eligibility skips this work later.
        KeyReport report = inspector.inspect(sent, voucherEmail, now);
        if (report.fingerprint().isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", report.problems().stream()
                    .map(KeyProblem::message).findFirst().orElse("The key cannot be read."));
        }
        return signed(signatures.verifyBySentKey(sent, text, input.signature(), now), report);
    }

    private static SignedVouch signed(SignatureVerification verification, KeyReport sentKey) {
        if (!verification.valid()) {
            throw switch (verification.code()) {
                case WRONG_KEY -> new VouchRefusedException(VouchRefusal.WRONG_KEY, "signature", verification.message());
                case TEXT_ALTERED -> new VouchRefusedException(VouchRefusal.STATEMENT_ALTERED, "signature",
                        verification.message());
                case BAD_KEY -> new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", verification.message());
                default -> new VouchRefusedException(VouchRefusal.BAD_SIGNATURE, "signature", verification.message());
            };
        }
        return new SignedVouch(verification, verification.signerFingerprint().orElseThrow(), sentKey);
    }
}
