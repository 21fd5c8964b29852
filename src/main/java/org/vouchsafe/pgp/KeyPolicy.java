package org.vouchsafe.pgp;

import java.util.Map;
import java.util.Set;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.api.OpenPGPDefaultPolicy;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;

/**
 * What this list accepts in a requester's certificate and signatures, stated in one place.
 * <p>
 * Bouncy Castle evaluates the structure of a certificate (bindings, expiry, revocation, key flags);
 * this policy judges the cryptography, so that a weak key is refused with a reason that names the
 * weakness instead of looking like a key without usable subkeys.
 *
 * The cryptographic limits are the list's to set ({@link KeyPolicyProperties},
 * {@code vouchsafe.pgp.key-policy.*}); the list's published criteria say nothing about key sizes,
 * so every limit here is a setting of this service, and the reasons people read say so.
 *
 * @param maxArmoredBytes        largest armored key or signature accepted, checked before parsing
 * @param minRsaBits             smallest RSA (and DSA, ElGamal) modulus accepted; smaller keys are refused
 * @param recommendedRsaBits     smallest RSA modulus accepted without a concern; keys from {@code minRsaBits}
 *                               up to this are accepted, and reviewers see a CONCERN recommending more
 * @param minEccBits             smallest elliptic-curve key accepted (Curve25519 counts as 255)
 * @param allowedAlgorithms      public-key algorithm ids ({@link PublicKeyAlgorithmTags}) accepted;
 *                               DSA, ElGamal and anything unknown are absent by default
 * @param weakHashAlgorithms     hash algorithm ids ({@link HashAlgorithmTags}) refused in self-signatures,
 *                               binding signatures and document signatures
 * @param rejectWeakBindings     refuse certificates whose effective self or binding signatures use a weak hash
 * @param allowedClockSkewSeconds how far in the future a signature's creation time may lie (signers' clocks drift)
 */
public record KeyPolicy(
        int maxArmoredBytes,
        int minRsaBits,
        int recommendedRsaBits,
        int minEccBits,
        Set<Integer> allowedAlgorithms,
        Set<Integer> weakHashAlgorithms,
        boolean rejectWeakBindings,
        long allowedClockSkewSeconds) {

    /** 64 KiB: a healthy certificate with a few subkeys and signatures is far below it. */
    public static final int DEFAULT_MAX_ARMORED_BYTES = 64 * 1024;

    private static final Map<Integer, String> ALGORITHM_NAMES = Map.ofEntries(
            Map.entry(PublicKeyAlgorithmTags.RSA_GENERAL, "RSA"),
            Map.entry(PublicKeyAlgorithmTags.RSA_ENCRYPT, "RSA (encrypt-only)"),
            Map.entry(PublicKeyAlgorithmTags.RSA_SIGN, "RSA (sign-only)"),
            Map.entry(PublicKeyAlgorithmTags.DSA, "DSA"),
            Map.entry(PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, "ElGamal"),
            Map.entry(PublicKeyAlgorithmTags.ELGAMAL_GENERAL, "ElGamal"),
            Map.entry(PublicKeyAlgorithmTags.ECDH, "ECDH"),
            Map.entry(PublicKeyAlgorithmTags.ECDSA, "ECDSA"),
            Map.entry(PublicKeyAlgorithmTags.EDDSA_LEGACY, "EdDSA"),
            Map.entry(PublicKeyAlgorithmTags.X25519, "X25519"),
            Map.entry(PublicKeyAlgorithmTags.X448, "X448"),
            Map.entry(PublicKeyAlgorithmTags.Ed25519, "Ed25519"),
            Map.entry(PublicKeyAlgorithmTags.Ed448, "Ed448"));

    public KeyPolicy {
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        weakHashAlgorithms = Set.copyOf(weakHashAlgorithms);
        if (maxArmoredBytes <= 0 || minRsaBits <= 0 || minEccBits <= 0 || allowedClockSkewSeconds < 0) {
            throw new IllegalArgumentException("key policy limits must be positive");
        }
        if (recommendedRsaBits < minRsaBits) {
            throw new IllegalArgumentException("the recommended RSA size must not be below the minimum");
        }
    }

    /**
     * The defaults of {@code vouchsafe.pgp.key-policy.*}: RSA below 2048 bits refused, 2048 up to 3072
     * accepted with a concern, elliptic curves of at least 255 bits (Curve25519, NIST P-256 and up), no
     * DSA or ElGamal, no SHA-1, RIPEMD-160 or MD5 in bindings or signatures, ten minutes of clock skew.
     * {@code KeyPolicyPropertiesTests} keeps this equal to what the properties bind to when nothing is set.
     */
    public static KeyPolicy standard() {
        return new KeyPolicy(
                DEFAULT_MAX_ARMORED_BYTES,
                2048,
                3072,
                250,
                Set.of(PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT,
                        PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.ECDSA,
                        PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.X25519, PublicKeyAlgorithmTags.X448,
                        PublicKeyAlgorithmTags.Ed25519, PublicKeyAlgorithmTags.Ed448),
                Set.of(HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160, HashAlgorithmTags.MD5,
                        HashAlgorithmTags.MD2, HashAlgorithmTags.TIGER_192, HashAlgorithmTags.HAVAL_5_160),
                true,
                600);
    }

    /** A copy of this policy with another RSA minimum (the recommendation raised to it if lower). */
    public KeyPolicy withMinRsaBits(int bits) {
        return new KeyPolicy(maxArmoredBytes, bits, Math.max(bits, recommendedRsaBits), minEccBits, allowedAlgorithms,
                weakHashAlgorithms, rejectWeakBindings, allowedClockSkewSeconds);
    }

    /** Human name of a public-key algorithm id, for reasons shown to people. */
    public static String algorithmName(int algorithm) {
        return ALGORITHM_NAMES.getOrDefault(algorithm, "unknown algorithm " + algorithm);
    }

    boolean isRsa(int algorithm) {
        return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL || algorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
                || algorithm == PublicKeyAlgorithmTags.RSA_SIGN;
    }

    /**
     * RSA, DSA and ElGamal work in finite fields: their sizes compare with the RSA limits, not the
     * elliptic-curve one (a DSA-1024 key allowed by configuration must not pass as "over 250 bits").
     */
    boolean isFiniteField(int algorithm) {
        return isRsa(algorithm) || algorithm == PublicKeyAlgorithmTags.DSA
                || algorithm == PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT || algorithm == PublicKeyAlgorithmTags.ELGAMAL_GENERAL;
    }

    /** Whether a key of this algorithm and size is strong enough; null when it is, else why not. */
    String weakness(int algorithm, int bits) {
        if (!allowedAlgorithms.contains(algorithm)) {
            return algorithmName(algorithm) + " is not accepted";
        }
        if (isFiniteField(algorithm) && bits < minRsaBits) {
            return algorithmName(algorithm) + " with " + bits + " bits is below the minimum of " + minRsaBits;
        }
        boolean fixedSize = algorithm == PublicKeyAlgorithmTags.X25519 || algorithm == PublicKeyAlgorithmTags.X448
                || algorithm == PublicKeyAlgorithmTags.Ed25519 || algorithm == PublicKeyAlgorithmTags.Ed448;
        if (!isFiniteField(algorithm) && !fixedSize && bits < minEccBits) {
            return algorithmName(algorithm) + " with " + bits + " bits is below the minimum of " + minEccBits;
        }
        return null;
    }

    /**
     * For an accepted key, whether it is below the recommended size; null when not, else a phrase
     * such as "RSA with 2048 bits". Only finite-field keys have a recommendation.
     */
    String belowRecommendation(int algorithm, int bits) {
        if (weakness(algorithm, bits) == null && isFiniteField(algorithm) && bits < recommendedRsaBits) {
            return algorithmName(algorithm) + " with " + bits + " bits";
        }
        return null;
    }

    boolean isWeakHash(int hashAlgorithm) {
        return weakHashAlgorithms.contains(hashAlgorithm);
    }

    /**
     * Bouncy Castle policy used to read certificates: it accepts every algorithm and hash, so that
     * Bouncy Castle reports the structure of the certificate and this policy alone names weaknesses.
     */
    static OpenPGPPolicy structuralPolicy() {
        OpenPGPDefaultPolicy policy = new OpenPGPDefaultPolicy();
        for (int hash : new int[] {HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160, HashAlgorithmTags.MD5}) {
            policy.acceptCertificationSignatureHashAlgorithm(hash);
            policy.acceptDocumentSignatureHashAlgorithm(hash);
        }
        for (int algorithm : ALGORITHM_NAMES.keySet()) {
            policy.acceptPublicKeyAlgorithm(algorithm);
        }
        return policy;
    }

    /** Bouncy Castle policy that enforces this policy, for encryption and signature verification. */
    OpenPGPPolicy toOpenPGPPolicy() {
        OpenPGPDefaultPolicy policy = new OpenPGPDefaultPolicy();
        for (int hash : weakHashAlgorithms) {
            policy.rejectHashAlgorithm(hash);
        }
        for (int algorithm : ALGORITHM_NAMES.keySet()) {
            policy.rejectPublicKeyAlgorithm(algorithm);
        }
        for (int algorithm : allowedAlgorithms) {
            policy.acceptPublicKeyAlgorithmWithMinimalStrength(algorithm, isFiniteField(algorithm) ? minRsaBits : minEccBits);
        }
        // GnuPG 2.2 reads AES; the challenge and mails are encrypted with AES-256.
        policy.setDefaultSymmetricKeyAlgorithm(SymmetricKeyAlgorithmTags.AES_256);
        return policy;
    }
}
