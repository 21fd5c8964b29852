package org.vouchsafe.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPEncryptionNegotiator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;

/**
 * Encrypts (and optionally signs) for one recipient in the form GnuPG 2.2 reads: the high-level
 * generator would choose SEIPD v2 / AEAD or LibrePGP OCB when the recipient's features allow it and
 * add v6 padding packets; GnuPG 2.2 knows none of them, so the mechanism is pinned to SEIPD v1
 * (integrity-protected, MDC) with AES-256, without compression (no decompression bombs, no
 * compression side channels) and without padding.
 */
final class Encryption {

    private final OpenPGPApi api;

    Encryption(KeyPolicy policy) {
        this.api = new BcOpenPGPApi(new BcOpenPGPImplementation(), policy.toOpenPGPPolicy());
    }

    OpenPGPApi api() {
        return api;
    }

    /** Armored OpenPGP message for {@code recipient}; signed by {@code signer} when it is not null. */
    String encrypt(OpenPGPCertificate recipient, byte[] plaintext, OpenPGPKey signer, char[] passphrase)
            throws PGPException, IOException {
        OpenPGPMessageGenerator generator = api.signAndOrEncryptMessage()
                .setArmored(true)
                .setAllowPadding(false)
                .setCompressionNegotiator((gen, policy) -> CompressionAlgorithmTags.UNCOMPRESSED)
                .setPublicKeyBasedEncryptionNegotiator(new OpenPGPEncryptionNegotiator() {
                    @Override
                    public MessageEncryptionMechanism negotiateEncryption(OpenPGPMessageGenerator gen) {
                        return MessageEncryptionMechanism.integrityProtected(SymmetricKeyAlgorithmTags.AES_256);
                    }
                })
                .addEncryptionCertificate(recipient);
        if (signer != null) {
            generator.addSigningKey(signer, key -> passphrase.clone(), ListKey.SHA512);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length * 2 + 1024);
        try (OutputStream encrypting = generator.open(out)) {
            encrypting.write(plaintext);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
