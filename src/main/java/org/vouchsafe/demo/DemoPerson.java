package org.vouchsafe.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.io.Streams;

/**
 * A made-up person of the demo with a key generated for the seeding: v4 Ed25519 signing key and
 * X25519 encryption subkey (fast to make, and what a careful person would choose today). The
 * secret key lives only in this object, in memory, for as long as the seeding runs; the
 * application sees only the public key and what the person does with the secret one: decrypt
 * their challenge, sign their statements.
 */
final class DemoPerson {

    private static final BcOpenPGPApi API = new BcOpenPGPApi();

    private final String name;
    private final String email;
    private final String affiliation;
    private final OpenPGPKey key;

    private DemoPerson(String name, String email, String affiliation, OpenPGPKey key) {
        this.name = name;
        this.email = email;
        this.affiliation = affiliation;
        this.key = key;
    }

    /** A person with a fresh key, created a minute ago so that nothing they sign predates it. */
    static DemoPerson generate(String name, String email, String affiliation) {
        try {
            OpenPGPKey key = API.generateKey(4, new Date(System.currentTimeMillis() - 60_000))
                    .ed25519x25519Key(name + " <" + email + ">").build();
            return new DemoPerson(name, email, affiliation, key);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot generate a key for " + email, e);
        }
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    /** The distro or organization they belong to, as they would name it. */
    String affiliation() {
        return affiliation;
    }

    /** The full fingerprint, as the application stores it. */
    String fingerprint() {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The armored public key, as {@code gpg --armor --export} gives it. */
    String publicKey() {
        try {
            return key.toCertificate().toAsciiArmoredString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An armored detached signature over the UTF-8 bytes of {@code text}, as {@code gpg --armor --detach-sign}. */
    String sign(String text) {
        try {
            return API.createDetachedSignature()
                    .addSigningKey(key, k -> null, new SignatureParameters.Callback() {
                        @Override
                        public SignatureParameters apply(SignatureParameters parameters) {
                            return parameters.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
                        }
                    })
                    .sign(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .get(0).toAsciiArmoredString();
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot sign as " + email, e);
        }
    }

    /** Decrypts an armored message to this person, as {@code gpg --decrypt}. */
    String decrypt(String armored) {
        try (InputStream in = API.decryptAndOrVerifyMessage().addDecryptionKey(key)
                .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return new String(Streams.readAll(in), StandardCharsets.UTF_8);
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot decrypt as " + email, e);
        }
    }
}
