package org.vouchsafe.pgp;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of verifying a signature over a text.
 *
 * @param code              {@link Code#VALID}, or what failed
 * @param message           what failed and what to do, for people; a confirmation when valid
 * @param signerFingerprint full fingerprint of the certificate that made the signature, when known
 * @param signedAt          the signature's creation time, when it could be read
 * @param signedText        when valid: exactly the text the signature covers (line endings as signed)
 * @param detachedSignature when valid: the signature alone, ASCII-armored (a clear-signed message is
 *                          reduced to its signature, so only the signed bytes and the signature are kept)
 */
public record SignatureVerification(Code code, String message, Optional<String> signerFingerprint,
        Optional<Instant> signedAt, Optional<String> signedText, Optional<String> detachedSignature) {

    /** What can come of a verification. */
    public enum Code {
        /** The signature is good, by the expected key, over the expected text. */
        VALID,
        /** The signature or text is larger than the policy allows; refused before parsing. */
        TOO_LARGE,
        /** Not a detached or clear-signed OpenPGP signature (a key, a message, garbage, a broken armor). */
        NOT_A_SIGNATURE,
        /** The stored certificate cannot be read or does not have the expected fingerprint. */
        BAD_KEY,
        /** Made by another key than the requester's. */
        WRONG_KEY,
        /** The signature does not cover this text: the text was changed, or another text was signed. */
        TEXT_ALTERED,
        /** The signature claims to be made in the future. */
        MADE_IN_FUTURE,
        /** The signing key was not valid (not yet created, expired, revoked, not signing-capable) at signing time. */
        KEY_NOT_VALID_AT_SIGNING_TIME,
        /** Made with a hash or key the {@link KeyPolicy} refuses. */
        WEAK_ALGORITHM,
        /** Well-formed but cryptographically wrong or unacceptable for another reason. */
        BAD_SIGNATURE
    }

    /** True when the signature can be relied on. */
    public boolean valid() {
        return code == Code.VALID;
    }

    static SignatureVerification failure(Code code, String message) {
        return new SignatureVerification(code, message, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static SignatureVerification failure(Code code, String message, String signer, Instant signedAt) {
        return new SignatureVerification(code, message, Optional.ofNullable(signer), Optional.ofNullable(signedAt),
                Optional.empty(), Optional.empty());
    }
}
