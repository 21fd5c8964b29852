package org.vouchsafe.pgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;

/**
 * Where the list key's passphrase comes from ({@code vouchsafe.pgp.list-key.passphrase}, or the file named by
 * {@code vouchsafe.pgp.list-key.passphrase-file}, as container secrets are mounted) and what one must be outside
 * the demo profile: at least {@value #MIN_LENGTH} characters, at least {@value #MIN_DISTINCT} different ones,
 * not (containing) the embedded default and not the admin password. Messages never contain the passphrase.
 */
final class ListKeyPassphrase {

    static final String PASSPHRASE = "vouchsafe.pgp.list-key.passphrase";
    static final String PASSPHRASE_ENV = "VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE";
    static final String PASSPHRASE_FILE = "vouchsafe.pgp.list-key.passphrase-file";
    static final String PASSPHRASE_FILE_ENV = "VOUCHSAFE_PGP_LIST_KEY_PASSPHRASE_FILE";
    static final String PATH = "vouchsafe.pgp.list-key.path";
    static final String PATH_ENV = "VOUCHSAFE_PGP_LIST_KEY_PATH";

    /**
     * Longer than the admin password's twelve: the key file can be copied (a backup, an image) and the
     * passphrase then guessed offline, at the attacker's pace and without a login throttle.
     */
    static final int MIN_LENGTH = 16;
    private static final int MIN_DISTINCT = 5;

    private ListKeyPassphrase() {
    }

    /**
     * The configured passphrase, from the property or from the file; {@code null} when neither is set.
     *
     * @throws IllegalStateException when both are set, or the file cannot be read
     */
    static String resolve(String passphrase, Path file) {
        boolean inline = passphrase != null && !passphrase.isEmpty();
        if (inline && file != null) {
            throw new IllegalStateException("Both " + PASSPHRASE + " and " + PASSPHRASE_FILE + " are set; set only one.");
        }
        if (file == null) {
            return inline ? passphrase : null;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(PASSPHRASE_FILE + " (environment variable " + PASSPHRASE_FILE_ENV + ") is "
                    + file.toAbsolutePath() + ", but there is no readable file there. Is the secret mounted?");
        }
        try {
            // one line, as `echo` or a secret store writes it: the line break ends the passphrase
            String content = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("[\r\n]+$", "");
            return content.isEmpty() ? null : content;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PASSPHRASE_FILE + " " + file.toAbsolutePath() + ": "
                    + e.getMessage());
        }
    }

    /** The reasons the passphrase is not acceptable outside the demo profile; empty if it is. */
    static List<String> problems(String passphrase, String adminPassword) {
        List<String> problems = new ArrayList<>();
        if (passphrase == null || passphrase.isBlank()) {
            problems.add("it is not set");
            return problems;
        }
        if (passphrase.toLowerCase(Locale.ROOT).contains(ListKey.EMBEDDED_DEFAULT_PASSPHRASE)) {
            problems.add("it is (or contains) the embedded default, which is published with the source code");
        }
        if (passphrase.length() < MIN_LENGTH) {
            problems.add("it is shorter than " + MIN_LENGTH + " characters");
        }
        if (passphrase.codePoints().distinct().count() < MIN_DISTINCT) {
            problems.add("it repeats fewer than " + MIN_DISTINCT + " different characters");
        }
        if (passphrase.equals(adminPassword)) {
            problems.add("it is the admin password (vouchsafe.admin.password)");
        }
        return problems;
    }

    /** Why start-up is refused, naming the settings and what is acceptable, never the passphrase. */
    static String message(List<String> problems) {
        return "Refusing to start without a strong passphrase for the list's signing key: " + PASSPHRASE
                + " (environment variable " + PASSPHRASE_ENV + "), or the file named by " + PASSPHRASE_FILE + " ("
                + PASSPHRASE_FILE_ENV + "), is not acceptable because " + String.join(", ", problems) + ". Outside the "
                + "demo profile it must be set explicitly, have at least " + MIN_LENGTH + " characters, not be the "
                + "embedded default and differ from the admin password; generate one, e.g. with "
                + "`openssl rand -base64 32`. An existing list key must be protected by it (docs/operations.md, "
                + "\"The list key\").";
    }

    /**
     * Logs a warning when a secret file can be read or written by every user of the host. Only a warning: the key
     * file is always protected by the passphrase, and secrets mounted into a container (Kubernetes' default mode
     * 0644, Compose's 0444) are readable by "others" who do not exist there.
     */
    static void warnIfOpenToOthers(Path file, String property, Logger log) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not a POSIX file system: its own access control applies
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            log.warn("{} {} is open to every user of this host ({}); allow the application's user only "
                    + "(chmod 600, or mount the secret with mode 0400 or 0440).", property, file.toAbsolutePath(),
                    PosixFilePermissions.toString(permissions));
        }
    }
}
