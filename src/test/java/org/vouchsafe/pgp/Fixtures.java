package org.vouchsafe.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reads the GnuPG-made fixtures under src/test/resources/pgp (see make-fixtures.sh). */
public final class Fixtures {

    /** A time after every fixture was made and before the future-dated one: the fixtures' "now". */
    public static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pgp/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static String publicKey(String who) {
        return text("keys/" + who + ".pub.asc");
    }

    public static String secretKey(String who) {
        return text("keys/" + who + ".sec.asc");
    }

    public static String fingerprint(String who) {
        return text("keys/" + who + ".fpr").trim();
    }
}
