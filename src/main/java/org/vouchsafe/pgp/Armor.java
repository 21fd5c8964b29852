package org.vouchsafe.pgp;

import java.util.Locale;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.util.io.Streams;

/**
 * Finds and decodes ASCII-armored blocks in text that people paste, before anything is parsed as
 * OpenPGP, so that the reason for a refusal can be exact (no armor, bad checksum, cut short).
 */
final class Armor {

    static final String PUBLIC_KEY = "PUBLIC KEY BLOCK";
    static final String PRIVATE_KEY = "PRIVATE KEY BLOCK";
    static final String SIGNATURE = "SIGNATURE";
    static final String SIGNED_MESSAGE = "SIGNED MESSAGE";
    static final String MESSAGE = "MESSAGE";

    /** One armored block: its type ("PUBLIC KEY BLOCK"), its text, and whether its END line was found. */
    record Block(String type, String text, boolean complete) {
    }

    /** Why a block could not be decoded. */
    enum DecodeFailure { BAD_CRC, TRUNCATED, GARBLED }

    /** Thrown when the base64 body or its checksum is broken. */
    static final class DecodeException extends Exception {
        final DecodeFailure failure;

        DecodeException(DecodeFailure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }
    }

    private Armor() {
    }

    /** Size in UTF-8 bytes, cheaply bounded: each char is at least one byte. */
    static boolean exceeds(String text, int maxBytes) {
        if (text.length() > maxBytes) {
            return true;
        }
        return text.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    /** All armored blocks in the text, in order; a block without END line is returned incomplete. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            String type = headerType(lines[i], "-----BEGIN PGP ");
            if (type == null) {
                i++;
                continue;
            }
            StringBuilder block = new StringBuilder();
            boolean complete = false;
            int j = i;
            for (; j < lines.length; j++) {
                block.append(stripTrailing(lines[j])).append('\n');
                // A clear-signed message's inner BEGIN PGP SIGNATURE line is part of its block; only END closes it.
                if (j > i && headerType(lines[j], "-----END PGP ") != null) {
                    complete = true;
                    break;
                }
            }
            blocks.add(new Block(type, block.toString(), complete));
            i = j + 1;
        }
        return blocks;
    }

    private static String headerType(String line, String prefix) {
        String trimmed = stripTrailing(line);
        if (trimmed.startsWith(prefix) && trimmed.endsWith("-----") && trimmed.length() > prefix.length() + 5) {
            return trimmed.substring(prefix.length(), trimmed.length() - 5);
        }
        return null;
    }

    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The binary content of a complete block, its checksum (when present) verified. */
    static byte[] decode(Block block) throws DecodeException {
        if (!block.complete()) {
            throw new DecodeException(DecodeFailure.TRUNCATED, "no END line");
        }
        try (ArmoredInputStream in = ArmoredInputStream.builder()
                .build(new ByteArrayInputStream(block.text().getBytes(StandardCharsets.UTF_8)))) {
            return Streams.readAll(in);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("crc") || message.contains("checksum")) {
                throw new DecodeException(DecodeFailure.BAD_CRC, "armor checksum mismatch");
            }
            throw new DecodeException(DecodeFailure.GARBLED, "armor cannot be decoded");
        } catch (RuntimeException e) {
            // Bouncy Castle throws unchecked exceptions on some malformed base64; never let them escape.
            throw new DecodeException(DecodeFailure.GARBLED, "armor cannot be decoded");
        }
    }
}
