package org.vouchsafe.pgp;

/**
 * One thing wrong with a requester's certificate, with a sentence saying what to do about it; or,
 * for {@link Code#BELOW_RECOMMENDED_SIZE}, one thing that is accepted but worth improving.
 *
 * @param code    what failed, stable for programs
 * @param message what failed and how to fix it, for people
 */
public record KeyProblem(Code code, String message) {

    /** What can be wrong with a submitted certificate. */
    public enum Code {
        /** Larger than {@link KeyPolicy#maxArmoredBytes()}; refused before parsing. */
        TOO_LARGE,
        /** No ASCII-armored OpenPGP block at all (binary, plain text, empty). */
        NOT_ARMORED,
        /** The armor checksum does not match its content: the block was altered in transit. */
        BAD_CRC,
        /** The block ends early: no END line, or the packets stop in the middle. */
        TRUNCATED,
        /** Armored, but not an OpenPGP public key (a message, a signature, garbage). */
        NOT_A_KEY,
        /** More than one certificate in the block. */
        MULTIPLE_KEYS,
        /** Secret key material; refused, never stored, never logged. */
        SECRET_KEY,
        /** The primary key has expired. */
        PRIMARY_EXPIRED,
        /** The primary key has been revoked. */
        PRIMARY_REVOKED,
        /** No valid, unexpired, unrevoked encryption-capable key. */
        NO_ENCRYPTION_SUBKEY,
        /** A key uses an algorithm or size the {@link KeyPolicy} refuses. */
        WEAK_ALGORITHM,
        /** A self or binding signature in effect uses SHA-1 (or another weak hash). */
        SHA1_BINDING,
        /** No valid user id carries the requester's email address. */
        NO_MATCHING_USER_ID,
        /**
         * Not a problem but a concern: the key is accepted, yet smaller than
         * {@link KeyPolicy#recommendedRsaBits()} (an RSA-2048 key). Never refuses anything.
         */
        BELOW_RECOMMENDED_SIZE
    }
}
