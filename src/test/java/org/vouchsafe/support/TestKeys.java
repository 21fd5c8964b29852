package org.vouchsafe.support;

import java.io.IOException;
import java.util.Date;

import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;

/**
 * Fresh test keys for a given address, for tests that need a person nobody else uses (the
 * roster is unique by e-mail and the fixture keys carry fixed addresses).
 */
public final class TestKeys {

    private TestKeys() {
    }

    /** A healthy v4 Ed25519/Curve25519 key, unprotected, with the user id {@code name <email>}. */
    public static OpenPGPKey generate(String name, String email) {
        try {
            return new BcOpenPGPApi().generateKey(PublicKeyPacket.VERSION_4, new Date(), false)
                    .withPrimaryKey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair)
                    .addSigningSubkey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair)
                    .addEncryptionSubkey(PGPKeyPairGenerator::generateLegacyX25519KeyPair)
                    .addUserId(name + " <" + email + ">")
                    .build();
        } catch (PGPException e) {
            throw new IllegalStateException("cannot generate a test key", e);
        }
    }

    /** The armored public half of a key. */
    public static String publicKey(OpenPGPKey key) {
        try {
            return key.toCertificate().toAsciiArmoredString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
