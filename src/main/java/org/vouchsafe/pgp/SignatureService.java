package org.vouchsafe.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.stereotype.Service;

/**
 * Verifies a person's signature over a text we gave them (the policy statement, a vouch statement)
 * against their stored certificate.
 * <p>
 * Accepted forms: an ASCII-armored detached signature ({@code gpg --armor --detach-sign}, binary or
 * {@code --textmode}) or a clear-signed message ({@code gpg --clearsign}).
 * <p>
 * Line endings: the served text uses LF. Text-mode and clear-signed signatures are over canonical
 * CRLF text by definition, so they verify whatever the signer's editor did. A binary-mode detached
 * signature covers exact bytes, so it is also tried over the CRLF form of the text (a Windows editor)
 * and without the final newline (a copy from a web page); the form that verifies is the one kept.
 * Trailing spaces and tabs on a line are not significant in a clear-signed message (RFC 9580, 7.2).
 */
@Service
public class SignatureService {

    private final CertificateInspector inspector;
    private final KeyPolicy policy;
    private final OpenPGPApi api;
    private final String decoy;

    public SignatureService(CertificateInspector inspector) {
        this.inspector = inspector;
        this.policy = inspector.policy();
        // Bouncy Castle checks structure and maths; this service applies the KeyPolicy itself so that
        // each refusal is named (see KeyPolicy#structuralPolicy).
        this.api = new BcOpenPGPApi(new BcOpenPGPImplementation(), KeyPolicy.structuralPolicy());
        this.decoy = newDecoy();
    }

    /**
     * A certificate made at start-up whose secret key was dropped at once: no signature ever verifies
     * against it. A caller without a key to check a signature against checks it against this one, so
     * that "no key on file for this address" takes the same steps (and about the same time) as "a key
     * on file, but not the signer's", and an anonymous caller cannot tell the two apart.
     */
    public String decoyCertificate() {
        return decoy;
    }

    private static String newDecoy() {
        try {
            return new BcOpenPGPApi().generateKey(4, new Date())
                    .ed25519x25519Key("Vouchsafe decoy <decoy@vouchsafe.invalid>").build()
                    .toCertificate().toAsciiArmoredString();
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("Cannot make the decoy certificate", e);
        }
    }

    /**
     * Verifies {@code armoredSignature} over {@code signedText} by the holder of {@code armoredPublicKey}.
     *
     * @param armoredPublicKey    the signer's stored certificate
     * @param expectedFingerprint the fingerprint the certificate must have (guards against a swapped key)
     * @param signedText          the text as served to the signer
     * @param armoredSignature    detached armored signature or clear-signed message
     * @param now                 signatures made after this (plus the policy's clock skew) are refused
     * @return {@link SignatureVerification.Code#VALID} with the signed bytes, or the named failure
     */
    public SignatureVerification verify(String armoredPublicKey, String expectedFingerprint, String signedText,
            String armoredSignature, Instant now) {
        return verify(armoredPublicKey, Optional.of(expectedFingerprint == null ? "" : expectedFingerprint), signedText,
                armoredSignature, now);
    }

    /**
     * Verifies {@code armoredSignature} over {@code signedText} by the holder of {@code armoredPublicKey},
     * whatever that key's fingerprint: for a key the signer sent along, which only afterwards is
     * compared with the one on file. The fingerprint of a valid signature is in
     * {@link SignatureVerification#signerFingerprint()}.
     */
    public SignatureVerification verifyBySentKey(String armoredPublicKey, String signedText, String armoredSignature,
            Instant now) {
        return verify(armoredPublicKey, Optional.empty(), signedText, armoredSignature, now);
    }

    private SignatureVerification verify(String armoredPublicKey, Optional<String> expectedFingerprint,
            String signedText, String armoredSignature, Instant now) {
        if (armoredSignature == null || armoredSignature.isBlank()) {
            return SignatureVerification.failure(SignatureVerification.Code.NOT_A_SIGNATURE,
                    "No signature was given. Sign the statement with: gpg --armor --detach-sign statement.txt");
        }
        if (Armor.exceeds(armoredSignature, policy.maxArmoredBytes())
                || (signedText != null && Armor.exceeds(signedText, policy.maxArmoredBytes()))) {
            return SignatureVerification.failure(SignatureVerification.Code.TOO_LARGE, "The signature or text is "
                    + "larger than " + policy.maxArmoredBytes() / 1024 + " KiB. Send only the armored signature.");
        }
        CertificateInspector.Parsed parsed = inspector.parse(armoredPublicKey);
        if (parsed.certificate() == null) {
            return SignatureVerification.failure(SignatureVerification.Code.BAD_KEY,
                    "The stored key cannot be read: " + parsed.problem().message());
        }
        OpenPGPCertificate certificate = parsed.certificate();
        String fingerprint = CertificateInspector.fingerprint(certificate);
        if (expectedFingerprint.isPresent()
                && !fingerprint.equals(CertificateInspector.normaliseFingerprint(expectedFingerprint.get()))) {
            return SignatureVerification.failure(SignatureVerification.Code.BAD_KEY, "The stored key has fingerprint "
                    + fingerprint + ", not " + expectedFingerprint.get() + ".");
        }
        Form form = readForm(armoredSignature);
        if (form.failure() != null) {
            return form.failure();
        }
        return verify(certificate, fingerprint, signedText == null ? "" : signedText, form, now);
    }

    /** What the signer sent: one signature, and for a clear-signed message the text it carried. */
    private record Form(PGPSignature signature, String clearText, SignatureVerification failure) {
    }

    private static Form notASignature(String message) {
        return new Form(null, null, SignatureVerification.failure(SignatureVerification.Code.NOT_A_SIGNATURE, message));
    }

    private Form readForm(String armored) {
        List<Armor.Block> blocks = Armor.blocks(armored);
        Armor.Block block = blocks.stream()
                .filter(b -> Armor.SIGNATURE.equals(b.type()) || Armor.SIGNED_MESSAGE.equals(b.type()))
                .findFirst().orElse(null);
        if (block == null) {
            return notASignature(blocks.isEmpty()
                    ? "This is not an ASCII-armored OpenPGP signature. Sign with: gpg --armor --detach-sign statement.txt"
                    : "This is a PGP " + blocks.get(0).type().toLowerCase(Locale.ROOT) + ", not a signature. Send "
                            + "a detached signature (gpg --armor --detach-sign statement.txt) or a clear-signed "
                            + "statement (gpg --clearsign statement.txt).");
        }
        if (!block.complete()) {
            return notASignature("The signature is cut short (no END line). Paste all of it.");
        }
        String clearText = null;
        Armor.Block signatureBlock = block;
        if (Armor.SIGNED_MESSAGE.equals(block.type())) {
            String[] lines = block.text().split("\n", -1);
            int i = 1;
            while (i < lines.length && !lines[i].isEmpty()) {
                i++; // armor headers such as "Hash: SHA512"
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            int j = start;
            for (; j < lines.length && !lines[j].equals("-----BEGIN PGP SIGNATURE-----"); j++) {
                if (j > start) {
                    text.append('\n');
                }
                text.append(lines[j].startsWith("- ") ? lines[j].substring(2) : lines[j]);
            }
            if (j >= lines.length) {
                return notASignature("The clear-signed message has no signature part. Paste all of it.");
            }
            clearText = text.toString();
            signatureBlock = new Armor.Block(Armor.SIGNATURE, String.join("\n", List.of(lines).subList(j, lines.length)),
                    true);
        }
        byte[] binary;
        try {
            binary = Armor.decode(signatureBlock);
        } catch (Armor.DecodeException e) {
            return notASignature(switch (e.failure) {
                case BAD_CRC -> "The signature's armor checksum does not match: it was altered when copied. Paste it "
                        + "unchanged.";
                case TRUNCATED -> "The signature is cut short. Paste all of it.";
                case GARBLED -> "The signature contains characters that are not valid base64. Paste it unchanged.";
            });
        }
        List<PGPSignature> signatures = new ArrayList<>();
        try {
            PGPObjectFactory factory = new BcPGPObjectFactory(binary);
            Object next;
            while ((next = factory.nextObject()) != null) {
                if (!(next instanceof PGPSignatureList list)) {
                    return notASignature("The block holds " + next.getClass().getSimpleName().replace("PGP", "")
                            + " data, not a detached signature.");
                }
                list.forEach(signatures::add);
            }
        } catch (IOException | RuntimeException e) {
            return notASignature("The signature cannot be read as OpenPGP data. Sign again with: "
                    + "gpg --armor --detach-sign statement.txt");
        }
        if (signatures.size() != 1) {
            return notASignature("Expected exactly one signature, found " + signatures.size() + ".");
        }
        PGPSignature signature = signatures.get(0);
        if (signature.getSignatureType() != PGPSignature.BINARY_DOCUMENT
                && signature.getSignatureType() != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return notASignature("This is a key signature, not a signature over a document.");
        }
        if (clearText != null && signature.getSignatureType() != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return notASignature("A clear-signed message must carry a text signature.");
        }
        return new Form(signature, clearText, null);
    }

    private SignatureVerification verify(OpenPGPCertificate certificate, String fingerprint, String signedText,
            Form form, Instant now) {
        PGPSignature signature = form.signature();
        KeyIdentifier issuer = OpenPGPSignature.getMostExpressiveIdentifier(signature.getKeyIdentifiers());
        if (issuer == null) {
            return SignatureVerification.failure(SignatureVerification.Code.NOT_A_SIGNATURE,
                    "The signature does not say which key made it. Sign again with GnuPG 2.2 or later.");
        }
        Instant created = signature.getCreationTime().toInstant();
        OpenPGPComponentKey signingKey = certificate.getKey(issuer);
        if (signingKey == null) {
            String signer = issuer.getFingerprint() != null
                    ? Hex.toHexString(issuer.getFingerprint()).toUpperCase(Locale.ROOT)
                    : "another key";
            return SignatureVerification.failure(SignatureVerification.Code.WRONG_KEY, "The signature was made by "
                    + signer + ", not by your key " + fingerprint + ". Sign with: gpg --local-user " + fingerprint
                    + " --armor --detach-sign statement.txt", null, created);
        }
        if (created.isAfter(now.plusSeconds(policy.allowedClockSkewSeconds()))) {
            return SignatureVerification.failure(SignatureVerification.Code.MADE_IN_FUTURE, "The signature claims to be "
                    + "made at " + created + ", which is in the future. Check your computer's clock and sign again.",
                    fingerprint, created);
        }
        if (policy.isWeakHash(signature.getHashAlgorithm())) {
            return SignatureVerification.failure(SignatureVerification.Code.WEAK_ALGORITHM, "The signature uses a weak "
                    + "hash (SHA-1 or older). Sign again with: gpg --digest-algo SHA256 --armor --detach-sign "
                    + "statement.txt", fingerprint, created);
        }
        String weakness = policy.weakness(signingKey.getAlgorithm(), signingKey.getPGPPublicKey().getBitStrength());
        if (weakness != null) {
            return SignatureVerification.failure(SignatureVerification.Code.WEAK_ALGORITHM, "The signing key is too "
                    + "weak: " + weakness + ".", fingerprint, created);
        }
        Date at = Date.from(created);
        OpenPGPCertificate.OpenPGPComponentSignature revocation = certificate.getPrimaryKey().getRevocation(Date.from(now));
        boolean hardRevoked = revocation != null && revocation.isHardRevocation();
        if (hardRevoked || signingKey.getCreationTime().after(at) || !signingKey.isSigningKey(at)) {
            return SignatureVerification.failure(SignatureVerification.Code.KEY_NOT_VALID_AT_SIGNING_TIME, "The key "
                    + "that made the signature was not valid for signing at " + created + " (not yet created, "
                    + "expired, revoked, or not signing-capable). Sign again with a valid signing key of "
                    + fingerprint + ".", fingerprint, created);
        }

        for (byte[] candidate : candidates(signature, signedText, form.clearText())) {
            if (candidate == null) {
                return SignatureVerification.failure(SignatureVerification.Code.TEXT_ALTERED, "The clear-signed text "
                        + "differs from the statement. Sign the statement exactly as served, without editing it.",
                        fingerprint, created);
            }
            try {
                List<OpenPGPDocumentSignature> results = api.verifyDetachedSignature()
                        .addSignature(signature)
                        .addVerificationCertificate(certificate)
                        .verifyNotBefore(new Date(0))
                        .verifyNotAfter(Date.from(now.plusSeconds(policy.allowedClockSkewSeconds())))
                        .process(new ByteArrayInputStream(candidate));
                if (results.isEmpty()) {
                    return SignatureVerification.failure(SignatureVerification.Code.BAD_SIGNATURE, "The signature is "
                            + "malformed (missing required fields). Sign again with GnuPG.", fingerprint, created);
                }
                OpenPGPDocumentSignature result = results.get(0);
                if (result.isTestedCorrect()) {
                    if (!result.isValid()) {
                        return SignatureVerification.failure(SignatureVerification.Code.KEY_NOT_VALID_AT_SIGNING_TIME,
                                "The signing key was not valid at " + created + ".", fingerprint, created);
                    }
                    return new SignatureVerification(SignatureVerification.Code.VALID, "Good signature by "
                            + fingerprint + " made at " + created + ".", Optional.of(fingerprint),
                            Optional.of(created), Optional.of(new String(candidate, StandardCharsets.UTF_8)),
                            Optional.of(result.toAsciiArmoredString()));
                }
            } catch (IOException | PGPException | RuntimeException e) {
                return SignatureVerification.failure(SignatureVerification.Code.BAD_SIGNATURE, "The signature cannot "
                        + "be checked: it is damaged. Sign again with: gpg --armor --detach-sign statement.txt",
                        fingerprint, created);
            }
        }
        return SignatureVerification.failure(SignatureVerification.Code.TEXT_ALTERED, "The signature does not match "
                + "the statement: another text was signed, or the statement was changed before signing. Download the "
                + "statement again and sign it unchanged.", fingerprint, created);
    }

    /**
     * The byte sequences to try, most likely first; a single null when a clear-signed text differs
     * from the statement (no maths needed to refuse it).
     */
    static List<byte[]> candidates(PGPSignature signature, String signedText, String clearText) {
        String lf = toLf(signedText);
        if (clearText != null) {
            if (!normaliseClearText(clearText).equals(normaliseClearText(lf))) {
                return java.util.Collections.singletonList(null);
            }
            return List.of(toLf(clearText).getBytes(StandardCharsets.UTF_8));
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lf);
        String withoutFinalNewline = lf.endsWith("\n") ? lf.substring(0, lf.length() - 1) : lf;
        forms.add(withoutFinalNewline);
        if (signature.getSignatureType() == PGPSignature.BINARY_DOCUMENT) {
            forms.add(lf.replace("\n", "\r\n"));
            forms.add(withoutFinalNewline.replace("\n", "\r\n"));
        }
        return forms.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String toLf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Clear-signed text compares without trailing whitespace per line and without final newlines. */
    private static String normaliseClearText(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : toLf(text).split("\n", -1)) {
            out.append(Armor.stripTrailing(line)).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }
}
