package org.vouchsafe.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.util.io.Streams;

/** What a requester does with their secret key (fixtures/{who}.sec.asc): decrypt a challenge, sign a statement. */
public final class Pgp {

    private Pgp() {
    }

    public static OpenPGPKey secretKey(String who) {
        try {
            return new BcOpenPGPApi().readKeyOrCertificate().parseKey(Fixtures.text("fixtures/" + who + ".sec.asc"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts an armored message as {@code who} would with gpg --decrypt. */
    public static String decrypt(String who, String armored) {
        return decrypt(secretKey(who), armored, who);
    }

    /** Decrypts an armored message with {@code key}, as its holder would with gpg --decrypt. */
    public static String decrypt(OpenPGPKey key, String armored) {
        return decrypt(key, armored, "the holder of the key");
    }

    private static String decrypt(OpenPGPKey key, String armored, String who) {
        BcOpenPGPApi api = new BcOpenPGPApi();
        try (var in = api.decryptAndOrVerifyMessage().addDecryptionKey(key)
                .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return new String(Streams.readAll(in), StandardCharsets.UTF_8);
        } catch (IOException | PGPException e) {
            throw new AssertionError("cannot decrypt as " + who, e);
        }
    }

    /** The 64-hex-digit code of a decrypted challenge. */
    public static String code(String decryptedChallenge) {
        return decryptedChallenge.lines().filter(l -> l.matches("[0-9a-f]{64}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code in " + decryptedChallenge));
    }

    /** An armored detached signature by {@code who} over the UTF-8 bytes of {@code text} (gpg --armor --detach-sign). */
    public static String detachSign(String who, String text) {
        return detachSign(secretKey(who), text);
    }

    /** An armored detached signature with {@code key} over the UTF-8 bytes of {@code text} (gpg --armor --detach-sign). */
    public static String detachSign(OpenPGPKey key, String text) {
        String who = "the holder of the key";
        try {
            List<OpenPGPDocumentSignature> signatures = new BcOpenPGPApi().createDetachedSignature()
                    .addSigningKey(key, k -> null, new SignatureParameters.Callback() {
                        @Override
                        public SignatureParameters apply(SignatureParameters parameters) {
                            return parameters.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
                        }
                    })
                    .sign(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return signatures.get(0).toAsciiArmoredString();
        } catch (IOException | PGPException e) {
            throw new AssertionError("cannot sign as " + who, e);
        }
    }
}
