package org.vouchsafe.pgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs the installed GnuPG against a throw-away home directory; tests using it are skipped without gpg. */
public final class Gpg {

    /** Exit code and output of one gpg run. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    private final Path home;
    private final String passphrase;

    private Gpg(Path home, String passphrase) {
        this.home = home;
        this.passphrase = passphrase;
    }

    /** A gpg with an empty home under {@code dir}; skips the calling test when gpg is not on the PATH. */
    public static Gpg in(Path dir) throws IOException {
        Assumptions.assumeTrue(available(), "gpg is not on the PATH");
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        home.toFile().setReadable(false, false);
        home.toFile().setReadable(true, true);
        home.toFile().setExecutable(false, false);
        home.toFile().setExecutable(true, true);
        return new Gpg(home, "");
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The same gpg home, answering every passphrase prompt with this passphrase (empty by default). */
    public Gpg withPassphrase(String passphrase) {
        return new Gpg(home, passphrase);
    }

    /** Runs gpg in batch mode with the given arguments and standard input. */
    public Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                "--pinentry-mode", "loopback", "--passphrase", passphrase, "--trust-model", "always"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gpg did not finish");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** Stops the agent started for this home (it would otherwise outlive the test). */
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent").start()
                .waitFor(20, TimeUnit.SECONDS);
    }
}
