package org.vouchsafe.pgp;

import org.bouncycastle.openpgp.api.exception.InvalidEncryptionKeyException;
import org.vouchsafe.problem.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.util.io.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The list's own OpenPGP key: it signs every mail, and its public half is served so that
 * applicants can verify mails and encrypt to the list.
 * <p>
 * On start the key is loaded from {@code vouchsafe.pgp.list-key.path} when set (a file mounted read-only is
 * fine: it is only ever read, and a missing one is an error, never a reason to generate a key there); otherwise
 * from {@code <vouchsafe.data-dir>/list-key.asc}, which is generated on first start: a v4 key (EdDSA
 * primary for certification, EdDSA signing subkey, Curve25519 ECDH encryption subkey, valid five
 * years) that GnuPG 2.2 imports, protected by {@code vouchsafe.pgp.list-key.passphrase} (or the content of the
 * file named by {@code vouchsafe.pgp.list-key.passphrase-file}). The secret key material exists only in that
 * file and, unlocked, in memory. A key whose secret parts are not protected by a passphrase is refused.
 * <p>
 * Embedded default: in the demo profile, when neither a path nor a passphrase is configured, the generated
 * key is protected by the passphrase {@value #EMBEDDED_DEFAULT_PASSPHRASE} and a warning is logged. Outside
 * the demo profile {@code ListKeyGuard} refuses to start without a strong passphrase.
 */
@Component
public class ListKey {

    /** Passphrase of a key generated without configuration; demo use only. */
    public static final String EMBEDDED_DEFAULT_PASSPHRASE = "vouchsafe-embedded-default";

    static final String FILE_NAME = "list-key.asc";

    /**
     * Signatures use SHA-512: left to negotiate, Bouncy Castle picks from the key's preferences,
     * which list SHA3-512 first, and GnuPG 2.2 cannot verify SHA-3.
     */
    static final SignatureParameters.Callback SHA512 = new SignatureParameters.Callback() {
        @Override
        public SignatureParameters apply(SignatureParameters parameters) {
            return parameters.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
        }
    };

    private static final Logger log = LoggerFactory.getLogger(ListKey.class);

    private final OpenPGPKey key;
    private final char[] passphrase;
    private final CertificateInspector inspector;
    private final Encryption encryption;
    private final String publicKeyArmored;
    private final String fingerprint;

    @Autowired
    public ListKey(PgpProperties properties, CertificateInspector inspector) {
        this(passphraseOf(properties), properties, inspector);
    }

    private ListKey(char[] passphrase, PgpProperties properties, CertificateInspector inspector) {
        this(load(properties, passphrase, inspector.policy()), passphrase, inspector);
    }

    ListKey(OpenPGPKey key, char[] passphrase, CertificateInspector inspector) {
        this.key = key;
        this.passphrase = passphrase.clone();
        this.inspector = inspector;
        this.encryption = new Encryption(inspector.policy());
        try {
            this.publicKeyArmored = key.toCertificate().toAsciiArmoredString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.fingerprint = CertificateInspector.fingerprint(key);
        if (key.getSigningKeys().isEmpty()) {
            throw new IllegalStateException("The list key " + fingerprint + " has no valid signing key; "
                    + "extend or replace it.");
        }
        for (OpenPGPKey.OpenPGPSecretKey secret : key.getSecretKeys().values()) {
            // an offline primary key (gpg --export-secret-subkeys) has no secret material to protect
            if (!secret.isLocked() && !secret.getPGPSecretKey().isPrivateKeyEmpty()) {
                throw new IllegalStateException("The list key " + fingerprint + " is not protected by a passphrase: "
                        + "whoever reads the key file can sign as the list. Protect it with the configured "
                        + "passphrase (gpg --passwd), export it again and restart (docs/operations.md, \"The list key\").");
            }
        }
        OpenPGPKey.OpenPGPSecretKey signing = key.getSecretKey(key.getSigningKeys().get(0));
        try {
            // fail at start, not at the first mail, when the passphrase is wrong
            signing.unlock(passphrase.clone());
        } catch (PGPException e) {
            if (!Arrays.equals(passphrase, EMBEDDED_DEFAULT_PASSPHRASE.toCharArray())
                    && signing.isPassphraseCorrect(EMBEDDED_DEFAULT_PASSPHRASE.toCharArray())) {
                // an installation that ran on the default until a passphrase became required
                throw new IllegalStateException("The list key " + fingerprint + " is still protected by the embedded "
                        + "default passphrase, which is published with the source code, not by the configured "
                        + "vouchsafe.pgp.list-key.passphrase. Rotate the list key, or at least protect this one with "
                        + "the new passphrase (docs/operations.md, \"The list key\").");
            }
            throw new IllegalStateException("vouchsafe.pgp.list-key.passphrase does not unlock the list key "
                    + fingerprint + ".");
        }
    }

    /**
     * Refuses a configured key path without a readable file: the key is never generated at a configured path,
     * because a missing file there is far more likely a mount mistake than a wish for a new list identity.
     */
    static void requireKeyFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(ListKeyPassphrase.PATH + " (environment variable " + ListKeyPassphrase.PATH_ENV
                    + ") is " + file.toAbsolutePath() + ", but there is no file there. Is the key file mounted? A list "
                    + "key is generated only when no path is configured (into <vouchsafe.data-dir>/" + FILE_NAME
                    + "), never at a configured path.");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(ListKeyPassphrase.PATH + " " + file.toAbsolutePath()
                    + " is not a readable file.");
        }
    }

    /** A fresh list key (v4, GnuPG 2.2 compatible), for first start and for tests. */
    static OpenPGPKey generate(String userId, char[] passphrase, KeyPolicy policy) {
        try {
            OpenPGPApi api = new Encryption(policy).api();
            // generateKey(4, ...): the high-level default is a v6 key that GnuPG 2.2 cannot import; the
            // callbacks choose the legacy EdDSA / ECDH Curve25519 encodings GnuPG 2.2 reads.
            return api.generateKey(PublicKeyPacket.VERSION_4, new Date(), false)
                    .withPrimaryKey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair)
                    .addSigningSubkey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair)
                    .addEncryptionSubkey(PGPKeyPairGenerator::generateLegacyX25519KeyPair)
                    .addUserId(userId)
                    .build(passphrase);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot generate the list key", e);
        }
    }

    private static char[] passphraseOf(PgpProperties properties) {
        PgpProperties.ListKey config = properties.pgp().listKey();
        String passphrase = ListKeyPassphrase.resolve(config.passphrase(), config.passphraseFile());
        if (config.passphraseFile() != null) {
            ListKeyPassphrase.warnIfOpenToOthers(config.passphraseFile(), ListKeyPassphrase.PASSPHRASE_FILE, log);
        }
        if (passphrase != null) {
            return passphrase.toCharArray();
        }
        if (config.path() != null) {
            throw new IllegalStateException("vouchsafe.pgp.list-key.path is set, so vouchsafe.pgp.list-key.passphrase "
                    + "is required to unlock it.");
        }
        // only the demo gets here: outside it ListKeyGuard has refused to start
        log.warn("vouchsafe.pgp.list-key.passphrase is not set: the list key is protected by the embedded default "
                + "passphrase, which is published with the source code. That is for the demo only; outside it the "
                + "application refuses to start without a passphrase.");
        return EMBEDDED_DEFAULT_PASSPHRASE.toCharArray();
    }

    private static OpenPGPKey load(PgpProperties properties, char[] passphrase, KeyPolicy policy) {
        PgpProperties.ListKey config = properties.pgp().listKey();
        OpenPGPApi api = new Encryption(policy).api();
        Path file = config.path() != null ? config.path() : properties.dataDir().resolve(FILE_NAME);
        try {
            if (config.path() != null) {
                requireKeyFile(file);
            }
            if (Files.exists(file)) {
                ListKeyPassphrase.warnIfOpenToOthers(file, "The list key file", log);
                // only ever read: a configured file may be a read-only mount, and it stays exactly as the operator made it
                OpenPGPKey key = api.readKeyOrCertificate().parseKey(Files.readString(file, StandardCharsets.US_ASCII));
                log.info("List key {} loaded from {}", CertificateInspector.fingerprint(key), file);
                return key;
            }
            // the builder wipes the array it is given
            OpenPGPKey key = generate(config.userId(), passphrase.clone(), policy);
            write(file, key.toAsciiArmoredString());
            log.info("List key {} generated into {}", CertificateInspector.fingerprint(key), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the list key at " + file, e);
        }
    }

    private static void write(Path file, String armored) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "list-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the data directory's own permissions apply
            }
            Files.writeString(temporary, armored, StandardCharsets.US_ASCII);
            try {
                // two instances starting at once must not overwrite each other's key
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalStateException("another process created " + file + " meanwhile; restart", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The list's public key, ASCII-armored, as served to applicants. */
    public String publicKeyArmored() {
        return publicKeyArmored;
    }

    /** Full fingerprint of the list key, upper-case hex. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * A detached binary-mode signature over exactly these bytes (for PGP/MIME, the canonical CRLF
     * form of the signed MIME entity).
     */
    public DetachedSignature signDetached(byte[] data) {
        try {
            List<OpenPGPDocumentSignature> signatures = encryption.api().createDetachedSignature()
                    .addSigningKey(key, k -> passphrase.clone(), SHA512)
                    .sign(new ByteArrayInputStream(data));
            OpenPGPDocumentSignature signature = signatures.get(0);
            return new DetachedSignature(signature.toAsciiArmoredString(), signature.getSignature().getHashAlgorithm());
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot sign with the list key", e);
        }
    }

    /**
     * Signs with the list key and encrypts to the recipient's certificate in one OpenPGP message
     * (RFC 3156, 6.2), readable by GnuPG 2.2.
     *
     * @throws InvalidInputException when the recipient's key cannot be read
     *                                                     or has no usable encryption key
     */
    public String signAndEncrypt(byte[] data, String recipientArmoredKey) {
        CertificateInspector.Parsed parsed = inspector.parse(recipientArmoredKey);
        if (parsed.certificate() == null) {
            throw new InvalidInputException("publicKey", parsed.problem().message());
        }
        return encryptTo(parsed.certificate(), data, true);
    }

    String encryptTo(OpenPGPCertificate recipient, byte[] data, boolean sign) {
        try {
            return encryption.encrypt(recipient, data, sign ? key : null, passphrase);
        } catch (InvalidEncryptionKeyException e) {
            throw new InvalidInputException("publicKey", "Key "
                    + CertificateInspector.fingerprint(recipient) + " has no usable encryption key.");
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot encrypt to " + CertificateInspector.fingerprint(recipient), e);
        }
    }

    /** Decrypts a message sent to the list key (replies, tests). */
    public byte[] decrypt(String armoredMessage) {
        try (InputStream in = encryption.api().decryptAndOrVerifyMessage()
                .addDecryptionKey(key, passphrase.clone())
                .process(new ByteArrayInputStream(armoredMessage.getBytes(StandardCharsets.US_ASCII)))) {
            return Streams.readAll(in);
        } catch (IOException | PGPException e) {
            throw new InvalidInputException("message", "The message cannot be decrypted "
                    + "with the list key.");
        }
    }

    /**
     * An armored detached signature and the hash it used.
     *
     * @param armored       ASCII-armored signature
     * @param hashAlgorithm OpenPGP hash algorithm id ({@link HashAlgorithmTags})
     */
    public record DetachedSignature(String armored, int hashAlgorithm) {

        /** The RFC 3156 {@code micalg} parameter, e.g. {@code pgp-sha512}. */
        public String micalg() {
            return "pgp-" + switch (hashAlgorithm) {
                case HashAlgorithmTags.SHA256 -> "sha256";
                case HashAlgorithmTags.SHA384 -> "sha384";
                case HashAlgorithmTags.SHA512 -> "sha512";
                case HashAlgorithmTags.SHA224 -> "sha224";
                default -> "hash" + hashAlgorithm;
            };
        }
    }

    @Override
    public String toString() {
        return "ListKey[" + fingerprint.toLowerCase(Locale.ROOT) + "]";
    }
}
