package org.vouchsafe.pgp;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The list's key policy, under {@code vouchsafe.pgp.key-policy.*}: what a requester's, voucher's or
 * the list's own key must be to be accepted (filing, challenges, vouches, signatures).
 * <p>
 * The list's published criteria ask only that a distro "be able and willing to handle PGP-encrypted
 * e-mail" (criterion 8); they set no key size, algorithm or hash. These limits are therefore this
 * service's settings, with defaults that follow common practice: refuse what is broken (RSA below
 * 2048 bits, DSA and ElGamal, SHA-1 self-signatures), accept RSA-2048 with a concern recommending
 * 3072 bits or more. Nonsense values stop the start-up with a message naming the property.
 *
 * @param minRsaBits         {@code min-rsa-bits}: RSA (and, if allowed, DSA/ElGamal) keys below this are refused
 * @param recommendedRsaBits {@code recommended-rsa-bits}: RSA keys from {@code min-rsa-bits} up to below this are
 *                           accepted, and criterion 8 shows a CONCERN recommending this size or more
 * @param allowedAlgorithms  {@code allowed-algorithms}: public-key algorithms accepted in a certificate
 * @param rejectedHashes     {@code rejected-hashes}: hashes refused in self-signatures, binding signatures and
 *                           signatures over statements
 */
@ConfigurationProperties(KeyPolicyProperties.PREFIX)
public record KeyPolicyProperties(
        @DefaultValue("2048") int minRsaBits,
        @DefaultValue("3072") int recommendedRsaBits,
        @DefaultValue({"RSA", "ECDH", "ECDSA", "EDDSA", "X25519", "X448", "ED25519", "ED448"})
        Set<Algorithm> allowedAlgorithms,
        @DefaultValue({"MD5", "SHA1", "RIPEMD160", "MD2", "TIGER192", "HAVAL_5_160"})
        Set<Hash> rejectedHashes) {

    /** Where these settings live. */
    public static final String PREFIX = "vouchsafe.pgp.key-policy";

    /** Below this no RSA key is sound; above it keys are impractical. */
    private static final int RSA_FLOOR = 1024;
    private static final int RSA_CEILING = 16384;

    public KeyPolicyProperties {
        allowedAlgorithms = allowedAlgorithms == null ? Set.of() : Set.copyOf(allowedAlgorithms);
        rejectedHashes = rejectedHashes == null ? Set.of() : Set.copyOf(rejectedHashes);
        if (minRsaBits < RSA_FLOOR || minRsaBits > RSA_CEILING) {
            throw new IllegalArgumentException(PREFIX + ".min-rsa-bits must be between " + RSA_FLOOR + " and "
                    + RSA_CEILING + ", not " + minRsaBits + ".");
        }
        if (recommendedRsaBits < minRsaBits || recommendedRsaBits > RSA_CEILING) {
            throw new IllegalArgumentException(PREFIX + ".recommended-rsa-bits must be at least " + PREFIX
                    + ".min-rsa-bits (" + minRsaBits + ") and at most " + RSA_CEILING + ", not " + recommendedRsaBits + ".");
        }
        if (allowedAlgorithms.stream().noneMatch(Algorithm::encrypts)
                || allowedAlgorithms.stream().noneMatch(Algorithm::signs)) {
            throw new IllegalArgumentException(PREFIX + ".allowed-algorithms must allow at least one algorithm that "
                    + "encrypts (RSA, ECDH, X25519, X448, ELGAMAL) and one that signs (RSA, EDDSA, ED25519, ED448, "
                    + "ECDSA, DSA); with " + allowedAlgorithms + " no key could pass.");
        }
        if (rejectedHashes.contains(Hash.SHA256) || rejectedHashes.contains(Hash.SHA512)) {
            throw new IllegalArgumentException(PREFIX + ".rejected-hashes must not contain SHA256 or SHA512: GnuPG "
                    + "signs with them by default and the list key signs its mails with SHA-512.");
        }
    }

    /** The policy these settings describe, with the fixed limits that are not the list's to set. */
    public KeyPolicy toKeyPolicy() {
        KeyPolicy fixed = KeyPolicy.standard();
        return new KeyPolicy(fixed.maxArmoredBytes(), minRsaBits, recommendedRsaBits, fixed.minEccBits(),
                allowedAlgorithms.stream().flatMap(a -> a.tags.stream()).collect(Collectors.toSet()),
                rejectedHashes.stream().map(h -> h.tag).collect(Collectors.toSet()),
                fixed.rejectWeakBindings(), fixed.allowedClockSkewSeconds());
    }

    /** Public-key algorithms by the names an operator writes. */
    public enum Algorithm {
        RSA(true, true, PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT,
                PublicKeyAlgorithmTags.RSA_SIGN),
        DSA(false, true, PublicKeyAlgorithmTags.DSA),
        ELGAMAL(true, false, PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL),
        ECDH(true, false, PublicKeyAlgorithmTags.ECDH),
        ECDSA(false, true, PublicKeyAlgorithmTags.ECDSA),
        /** Ed25519 in the v4 encoding GnuPG 2.2 makes ("EdDSA legacy"). */
        EDDSA(false, true, PublicKeyAlgorithmTags.EDDSA_LEGACY),
        X25519(true, false, PublicKeyAlgorithmTags.X25519),
        X448(true, false, PublicKeyAlgorithmTags.X448),
        ED25519(false, true, PublicKeyAlgorithmTags.Ed25519),
        ED448(false, true, PublicKeyAlgorithmTags.Ed448);

        private final boolean encrypts;
        private final boolean signs;
        private final List<Integer> tags;

        Algorithm(boolean encrypts, boolean signs, Integer... tags) {
            this.encrypts = encrypts;
            this.signs = signs;
            this.tags = List.of(tags);
        }

        boolean encrypts() {
            return encrypts;
        }

        boolean signs() {
            return signs;
        }
    }

    /** Hash algorithms by the names an operator writes. */
    public enum Hash {
        MD5(HashAlgorithmTags.MD5),
        SHA1(HashAlgorithmTags.SHA1),
        RIPEMD160(HashAlgorithmTags.RIPEMD160),
        MD2(HashAlgorithmTags.MD2),
        TIGER192(HashAlgorithmTags.TIGER_192),
        HAVAL_5_160(HashAlgorithmTags.HAVAL_5_160),
        SHA224(HashAlgorithmTags.SHA224),
        SHA256(HashAlgorithmTags.SHA256),
        SHA384(HashAlgorithmTags.SHA384),
        SHA512(HashAlgorithmTags.SHA512),
        SHA3_256(HashAlgorithmTags.SHA3_256),
        SHA3_512(HashAlgorithmTags.SHA3_512);

        private final int tag;

        Hash(int tag) {
            this.tag = tag;
        }
    }
}
