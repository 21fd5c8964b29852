package org.vouchsafe.pgp;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenPGP settings, under {@code vouchsafe.*}.
 *
 * @param dataDir {@code vouchsafe.data-dir}: where the generated list key and the mail outbox live
 *                (default {@code ./data})
 * @param pgp     {@code vouchsafe.pgp.*}
 */
@ConfigurationProperties("vouchsafe")
public record PgpProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Pgp pgp) {

    /**
     * @param listKey           {@code vouchsafe.pgp.list-key.*}
     * @param challengeValidity {@code vouchsafe.pgp.challenge-validity}: how long a challenge may be
     *                          answered (default {@code P14D}); the process runs the expiry timer
     * @param challengeReminder {@code vouchsafe.pgp.challenge-reminder}: when requesters who have not
     *                          answered are reminded (default {@code P7D}); shorter than the validity
     */
    public record Pgp(@DefaultValue ListKey listKey, @DefaultValue("P14D") Duration challengeValidity,
                      @DefaultValue("P7D") Duration challengeReminder) {

        public Pgp {
            if (challengeReminder.isNegative() || challengeReminder.isZero() || challengeReminder.compareTo(challengeValidity) >= 0) {
                throw new IllegalArgumentException("vouchsafe.pgp.challenge-reminder must be positive and shorter "
                        + "than vouchsafe.pgp.challenge-validity");
            }
        }
    }

    /**
     * The list's own key.
     *
     * @param path           {@code vouchsafe.pgp.list-key.path}: an existing armored secret key to load (e.g. mounted
     *                       read-only; it is never written); when unset the key is generated on first start into
     *                       {@code <data-dir>/list-key.asc}
     * @param passphrase     {@code vouchsafe.pgp.list-key.passphrase}: unlocks the key; required outside the demo
     *                       profile (start-up is refused otherwise)
     * @param passphraseFile {@code vouchsafe.pgp.list-key.passphrase-file}: instead of {@code passphrase}, a file
     *                       holding it (a mounted secret; a trailing line break is ignored)
     * @param userId         {@code vouchsafe.pgp.list-key.user-id}: user id of a generated key
     */
    public record ListKey(Path path, String passphrase, Path passphraseFile,
            @DefaultValue("Vouchsafe (distros membership) <vouchsafe@localhost>") String userId) {

        @Override
        public String toString() {
            // never print the passphrase (actuator, logs)
            return "ListKey[path=" + path + ", passphrase=" + (passphrase == null ? "unset" : "***")
                    + ", passphraseFile=" + passphraseFile + ", userId=" + userId + "]";
        }
    }
}
