package org.vouchsafe.pgp;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPUserId;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.stereotype.Service;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.PayloadTooLargeException;

/**
 * Reads a requester's ASCII-armored public certificate and judges its health under a {@link KeyPolicy}.
 * <p>
 * The checks run in order of what a person must fix first: size (before any parsing), armor, packet
 * structure, a single public certificate, then revocation and expiry of the primary key, algorithms,
 * hashes of the effective bindings, an encryption-capable key and a user id with the expected email.
 * Secret key material is refused as soon as it is recognised; it is neither kept nor logged.
 * A healthy key below the policy's recommended size is not refused: the report carries a concern.
 */
@Service
public class CertificateInspector {

    private final KeyPolicy policy;
    private final OpenPGPApi structuralApi;

    public CertificateInspector(KeyPolicy policy) {
        this.policy = policy;
        this.structuralApi = new BcOpenPGPApi(new BcOpenPGPImplementation(), KeyPolicy.structuralPolicy());
    }

    /** The policy this inspector applies. */
    public KeyPolicy policy() {
        return policy;
    }

    /**
     * Judges a submitted certificate.
     *
     * @param armored       the ASCII-armored public key block as pasted
     * @param expectedEmail the requester's address; a valid user id must carry it (case-insensitive)
     * @param now           the time at which validity is judged
     * @return the fingerprint when readable, and every problem found
     */
    public KeyReport inspect(String armored, String expectedEmail, Instant now) {
        Parsed parsed = parse(armored);
        if (parsed.certificate() == null) {
            return new KeyReport(Optional.empty(), List.of(parsed.problem()));
        }
        OpenPGPCertificate certificate = parsed.certificate();
        List<KeyProblem> problems = check(certificate, expectedEmail, now);
        return new KeyReport(Optional.of(fingerprint(certificate)), problems,
                problems.isEmpty() ? concerns(certificate, now) : List.of());
    }

    /**
     * The fingerprint of a healthy certificate, or an exception naming every problem: 413 for an
     * oversized block, 400 (field {@code publicKey}) for the rest.
     */
    public String requireHealthy(String armored, String expectedEmail, Instant now) {
        KeyReport report = inspect(armored, expectedEmail, now);
        if (report.has(KeyProblem.Code.TOO_LARGE)) {
            throw new PayloadTooLargeException(report.problems().get(0).message());
        }
        if (!report.healthy()) {
            throw new InvalidInputException(report.problems().stream()
                    .map(p -> new FieldProblem("publicKey", p.code() + ": " + p.message()))
                    .toList());
        }
        return report.fingerprint().orElseThrow();
    }

    /** Upper-case hex of the full fingerprint. */
    static String fingerprint(OpenPGPCertificate certificate) {
        return Hex.toHexString(certificate.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** Normalises a fingerprint as people write it (spaces, lower case, 0x prefix). */
    public static String normaliseFingerprint(String fingerprint) {
        if (fingerprint == null) {
            return "";
        }
        String compact = fingerprint.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.startsWith("0X") ? compact.substring(2) : compact;
    }

    /** A parsed certificate, or the single problem that stopped parsing. */
    record Parsed(OpenPGPCertificate certificate, KeyProblem problem) {
    }

    /** Reads exactly one public certificate from armored text, or names why not. */
    Parsed parse(String armored) {
        if (armored == null || armored.isBlank()) {
            return failed(KeyProblem.Code.NOT_ARMORED,
                    "No key was given. Paste the output of: gpg --armor --export <your fingerprint>");
        }
        if (Armor.exceeds(armored, policy.maxArmoredBytes())) {
            return failed(KeyProblem.Code.TOO_LARGE, "The key block is larger than " + policy.maxArmoredBytes() / 1024
                    + " KiB. Export only your own key, without third-party signatures: "
                    + "gpg --armor --export-options export-minimal --export <your fingerprint>");
        }
        List<Armor.Block> blocks = Armor.blocks(armored);
        if (blocks.isEmpty()) {
            return failed(KeyProblem.Code.NOT_ARMORED, "This is not an ASCII-armored OpenPGP key: it has no "
                    + "'-----BEGIN PGP PUBLIC KEY BLOCK-----' line. Paste the output of: gpg --armor --export <your fingerprint>");
        }
        if (blocks.stream().anyMatch(b -> b.type().contains(Armor.PRIVATE_KEY))) {
            return secretKey();
        }
        List<Armor.Block> keyBlocks = blocks.stream().filter(b -> Armor.PUBLIC_KEY.equals(b.type())).toList();
        if (keyBlocks.isEmpty()) {
            return failed(KeyProblem.Code.NOT_A_KEY, "This is a PGP " + blocks.get(0).type().toLowerCase(Locale.ROOT)
                    + ", not a public key. Paste the output of: gpg --armor --export <your fingerprint>");
        }
        if (keyBlocks.size() > 1) {
            return multipleKeys(keyBlocks.size());
        }
        byte[] binary;
        try {
            binary = Armor.decode(keyBlocks.get(0));
        } catch (Armor.DecodeException e) {
            return switch (e.failure) {
                case BAD_CRC -> failed(KeyProblem.Code.BAD_CRC, "The armor checksum (the line starting with '=' "
                        + "before the END line) does not match: the key was altered when copied. Export it again "
                        + "and paste it unchanged.");
                case TRUNCATED -> truncated();
                case GARBLED -> failed(KeyProblem.Code.NOT_A_KEY, "The key block contains characters that are not "
                        + "valid base64. Export it again and paste it unchanged.");
            };
        }
        try {
            if (binary.length == 0) {
                return failed(KeyProblem.Code.NOT_A_KEY, "The key block is empty. Paste the output of: "
                        + "gpg --armor --export <your fingerprint>");
            }
            int tag = packetTag(binary[0]);
            if (tag == PacketTags.SECRET_KEY || tag == PacketTags.SECRET_SUBKEY) {
                return secretKey();
            }
            if (tag != PacketTags.PUBLIC_KEY) {
                return failed(KeyProblem.Code.NOT_A_KEY, "The block does not start with a public key. Paste the "
                        + "output of: gpg --armor --export <your fingerprint>");
            }
            List<OpenPGPCertificate> certificates;
            try {
                certificates = structuralApi.readKeyOrCertificate().parseKeysOrCertificates(binary);
            } catch (EOFException e) {
                return truncated();
            } catch (IOException | RuntimeException e) {
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("premature") || message.contains("truncated") || message.contains("eof")) {
                    return truncated();
                }
                return failed(KeyProblem.Code.NOT_A_KEY, "The block could not be read as an OpenPGP key. Export it "
                        + "again with: gpg --armor --export <your fingerprint>");
            }
            if (certificates.isEmpty()) {
                return failed(KeyProblem.Code.NOT_A_KEY, "The block holds no OpenPGP key.");
            }
            if (certificates.size() > 1) {
                return multipleKeys(certificates.size());
            }
            OpenPGPCertificate certificate = certificates.get(0);
            if (certificate.isSecretKey()) {
                return secretKey();
            }
            return new Parsed(certificate, null);
        } finally {
            // The block may have held secret key material: do not leave it lying on the heap longer than needed.
            Arrays.fill(binary, (byte) 0);
        }
    }

    private static int packetTag(byte header) {
        if ((header & 0x80) == 0) {
            return -1;
        }
        return (header & 0x40) != 0 ? header & 0x3f : (header & 0x3f) >> 2;
    }

    private static Parsed failed(KeyProblem.Code code, String message) {
        return new Parsed(null, new KeyProblem(code, message));
    }

    private static Parsed secretKey() {
        return failed(KeyProblem.Code.SECRET_KEY, "This block contains SECRET key material; it was discarded and "
                + "not stored. Never send your secret key to anyone. Send only the public key: "
                + "gpg --armor --export <your fingerprint> (not --export-secret-keys). If this key protects anything, "
                + "consider it exposed and replace it.");
    }

    private static Parsed truncated() {
        return failed(KeyProblem.Code.TRUNCATED, "The key block is cut short (missing END line or incomplete "
                + "data). Paste the whole output of: gpg --armor --export <your fingerprint>");
    }

    private static Parsed multipleKeys(int count) {
        return failed(KeyProblem.Code.MULTIPLE_KEYS, "The block contains " + count + " keys; send exactly one, "
                + "your own: gpg --armor --export <your fingerprint>");
    }

    private List<KeyProblem> check(OpenPGPCertificate certificate, String expectedEmail, Instant now) {
        Date at = Date.from(now);
        String fingerprint = fingerprint(certificate);
        List<KeyProblem> problems = new ArrayList<>();
        OpenPGPCertificate.OpenPGPPrimaryKey primary = certificate.getPrimaryKey();

        if (primary.getRevocation(at) != null) {
            problems.add(new KeyProblem(KeyProblem.Code.PRIMARY_REVOKED, "Key " + fingerprint + " has been revoked. "
                    + "Create a new key (gpg --quick-gen-key), and send its public key."));
            return problems;
        }
        Date expiry = primary.getKeyExpirationDateAt(at);
        if ((expiry != null && !expiry.after(at)) || !primary.isBoundAt(at)) {
            problems.add(new KeyProblem(KeyProblem.Code.PRIMARY_EXPIRED, "Key " + fingerprint + " has expired"
                    + (expiry == null ? "" : " on " + expiry.toInstant()) + ". Extend it with: gpg --quick-set-expire "
                    + fingerprint + " 2y, then export it again."));
            return problems;
        }

        List<OpenPGPComponentKey> keys = new ArrayList<>();
        keys.add(primary);
        certificate.getValidKeys(at).stream().filter(k -> !k.isPrimaryKey()).forEach(keys::add);
        for (OpenPGPComponentKey key : keys) {
            String weakness = policy.weakness(key.getAlgorithm(), key.getPGPPublicKey().getBitStrength());
            if (weakness != null) {
                problems.add(new KeyProblem(KeyProblem.Code.WEAK_ALGORITHM, (key.isPrimaryKey() ? "The primary key"
                        : "Subkey " + Hex.toHexString(key.getPGPPublicKey().getFingerprint()).toUpperCase(Locale.ROOT))
                        + " is too weak: " + weakness + ". Create a new key with Ed25519/Curve25519 (gpg --quick-gen-key "
                        + "'<Name> <email>' future-default) or RSA of " + policy.recommendedRsaBits() + " bits or more "
                        + "(gpg --quick-gen-key '<Name> <email>' rsa" + policy.recommendedRsaBits() + "), and send its "
                        + "public key."));
            }
        }

        if (policy.rejectWeakBindings()) {
            Set<String> reported = new HashSet<>();
            List<OpenPGPComponentSignature> bindings = new ArrayList<>();
            bindings.add(primary.getLatestSelfSignature(at));
            keys.stream().filter(k -> !k.isPrimaryKey()).forEach(k -> bindings.add(k.getLatestSelfSignature(at)));
            certificate.getValidUserIds(at).forEach(uid -> bindings.add(uid.getLatestSelfSignature(at)));
            for (OpenPGPComponentSignature binding : bindings) {
                if (binding != null && policy.isWeakHash(binding.getSignature().getHashAlgorithm())
                        && reported.add("sha1")) {
                    problems.add(new KeyProblem(KeyProblem.Code.SHA1_BINDING, "Self-signatures of key " + fingerprint
                            + " use SHA-1, which is broken for signatures. Re-sign them with SHA-256: gpg "
                            + "--cert-digest-algo SHA256 --quick-set-expire " + fingerprint + " <expiry> and gpg "
                            + "--cert-digest-algo SHA256 --quick-set-expire " + fingerprint + " <expiry> '*', then "
                            + "export the key again."));
                }
            }
        }

        if (certificate.getEncryptionKeys(at).isEmpty()) {
            problems.add(new KeyProblem(KeyProblem.Code.NO_ENCRYPTION_SUBKEY, "Key " + fingerprint + " has no valid "
                    + "(unexpired, unrevoked) encryption key, so nobody can write to you encrypted. Add one with: "
                    + "gpg --quick-add-key " + fingerprint + " cv25519 encr 2y, then export the key again."));
        }

        if (!hasUserId(certificate, expectedEmail, at)) {
            problems.add(new KeyProblem(KeyProblem.Code.NO_MATCHING_USER_ID, "No valid user id of key " + fingerprint
                    + " carries the address " + expectedEmail + ". Add one with: gpg --quick-add-uid " + fingerprint
                    + " '<Your Name> <" + expectedEmail + ">', then export the key again."));
        }
        return problems;
    }

    /**
     * One concern for a healthy certificate whose keys are accepted but below the recommended size.
     * The list's criteria set no key size, so the sentence says the recommendation is this service's.
     */
    private List<KeyProblem> concerns(OpenPGPCertificate certificate, Instant now) {
        Date at = Date.from(now);
        List<OpenPGPComponentKey> keys = new ArrayList<>();
        keys.add(certificate.getPrimaryKey());
        certificate.getValidKeys(at).stream().filter(k -> !k.isPrimaryKey()).forEach(keys::add);
        String smallest = keys.stream()
                .sorted(Comparator.comparingInt(k -> k.getPGPPublicKey().getBitStrength()))
                .map(k -> policy.belowRecommendation(k.getAlgorithm(), k.getPGPPublicKey().getBitStrength()))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (smallest == null) {
            return List.of();
        }
        return List.of(new KeyProblem(KeyProblem.Code.BELOW_RECOMMENDED_SIZE, "Key " + fingerprint(certificate)
                + " uses " + smallest + ": accepted, but " + policy.recommendedRsaBits() + " bits or more are "
                + "recommended (a setting of this service, " + KeyPolicyProperties.PREFIX + ".recommended-rsa-bits; "
                + "the list's criteria set no key size). When you next replace the key, create one with Ed25519/"
                + "Curve25519 (gpg --quick-gen-key '<Name> <email>' future-default) or RSA of "
                + policy.recommendedRsaBits() + " bits or more."));
    }

    private static boolean hasUserId(OpenPGPCertificate certificate, String email, Date at) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        for (OpenPGPUserId uid : certificate.getValidUserIds(at)) {
            String text = uid.getUserId().trim().toLowerCase(Locale.ROOT);
            int open = text.lastIndexOf('<');
            int close = text.lastIndexOf('>');
            String address = open >= 0 && close > open ? text.substring(open + 1, close).trim() : text;
            if (address.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
