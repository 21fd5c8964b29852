package org.vouchsafe.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit event: SHA-256 over a canonical encoding of all its columns and the
 * previous event's hash. Each field is written as a 4-byte big-endian length followed by its
 * UTF-8 bytes (length -1 for null), so no two different rows encode alike ("ab"+"c" is not
 * "a"+"bc", null is not ""). A version tag in front leaves room for a future encoding.
 * The timestamp enters as microseconds since the epoch, the precision the database keeps.
 */
final class ChainHash {

    private static final byte[] TAG = "vouchsafe-audit-v1".getBytes(StandardCharsets.UTF_8);

    private ChainHash() {
    }

    static String of(long seq, String id, Instant occurredAt, String actor, String action, String requestId,
            String summary, String details, boolean publicToApplicant, String prevHash) {
        MessageDigest digest = sha256();
        digest.update(TAG);
        field(digest, Long.toString(seq));
        field(digest, id);
        field(digest, Long.toString(epochMicros(occurredAt)));
        field(digest, actor);
        field(digest, action);
        field(digest, requestId);
        field(digest, summary);
        field(digest, details);
        field(digest, publicToApplicant ? "1" : "0");
        field(digest, prevHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest Javadoc)
            throw new IllegalStateException(e);
        }
    }
}
