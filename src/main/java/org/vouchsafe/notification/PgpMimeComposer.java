package org.vouchsafe.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.bouncycastle.util.encoders.Hex;
import org.vouchsafe.pgp.ListKey;

/**
 * Builds RFC 3156 PGP/MIME messages.
 * <ul>
 * <li>signed: {@code multipart/signed; protocol="application/pgp-signature"} with the text part and
 * a detached signature over that part's exact canonical bytes;</li>
 * <li>encrypted: {@code multipart/encrypted; protocol="application/pgp-encrypted"} whose payload
 * is the text part, signed and encrypted in one OpenPGP message (RFC 3156, 6.2).</li>
 * </ul>
 * The signed part is written byte for byte by hand (headers, quoted-printable body, CRLF) and then
 * parsed back, so that Jakarta Mail sends exactly the bytes that were signed.
 */
final class PgpMimeComposer {

    private final ListKey listKey;
    private final InternetAddress from;

    PgpMimeComposer(ListKey listKey, InternetAddress from) {
        this.listKey = listKey;
        this.from = from;
    }

    MimeMessage compose(Session session, OutgoingMail mail) throws MessagingException, IOException {
        MimeMessage message = new StableIdMimeMessage(session, messageId(mail.idempotencyKey()));
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        byte[] entity = textEntity(mail.body());
        if (mail.encryptTo().isPresent()) {
            String encrypted = listKey.signAndEncrypt(entity, mail.encryptTo().get());
            MimeMultipart multipart = new PgpMultipart("encrypted", "application/pgp-encrypted", null);
            multipart.addBodyPart(rawPart("application/pgp-encrypted", null,
                    "Version: 1\r\n".getBytes(StandardCharsets.US_ASCII)));
            multipart.addBodyPart(rawPart("application/octet-stream; name=\"encrypted.asc\"",
                    "inline; filename=\"encrypted.asc\"", encrypted.getBytes(StandardCharsets.US_ASCII)));
            message.setContent(multipart);
        } else {
            ListKey.DetachedSignature signature = listKey.signDetached(entity);
            MimeMultipart multipart = new PgpMultipart("signed", "application/pgp-signature", signature.micalg());
            multipart.addBodyPart(new MimeBodyPart(new ByteArrayInputStream(entity)));
            multipart.addBodyPart(rawPart("application/pgp-signature; name=\"signature.asc\"",
                    "attachment; filename=\"signature.asc\"", signature.armored().getBytes(StandardCharsets.US_ASCII)));
            message.setContent(multipart);
        }
        message.saveChanges();
        return message;
    }

    /** The text part in canonical form: CRLF line ends, 7-bit clean (quoted-printable), as RFC 3156 demands. */
    static byte[] textEntity(String body) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        String crlf = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        try (OutputStream qp = MimeUtility.encode(new NonClosing(out), "quoted-printable")) {
            qp.write(crlf.getBytes(StandardCharsets.UTF_8));
        }
        if (out.size() < 2 || out.toByteArray()[out.size() - 1] != '\n') {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static MimeBodyPart rawPart(String contentType, String disposition, byte[] content)
            throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", "7bit");
        if (disposition != null) {
            part.setHeader("Content-Disposition", disposition);
        }
        return part;
    }

    /** The same idempotency key gives the same Message-ID, so that even a receiving system can drop a duplicate. */
    static String messageId(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + Hex.toHexString(hash, 0, 16) + "@vouchsafe>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart with the RFC 3156 {@code protocol} (and {@code micalg}) parameters. */
    private static final class PgpMultipart extends MimeMultipart {
        PgpMultipart(String subtype, String protocol, String micalg) throws MessagingException {
            super(subtype);
            ContentType type = new ContentType(contentType);
            type.setParameter("protocol", protocol);
            if (micalg != null) {
                type.setParameter("micalg", micalg);
            }
            contentType = type.toString();
        }
    }

    /** Keeps the Message-ID derived from the idempotency key instead of a random one. */
    private static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Lets the quoted-printable encoder flush without closing the buffer underneath. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
