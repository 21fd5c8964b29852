package org.vouchsafe.pgp;

import java.util.Arrays;
import java.util.List;

/**
 * A load-tolerant companion to {@link PgpBenchmark}: runs each Vouchsafe operation and its bare
 * Bouncy Castle counterpart alternately, so that load from other processes hits both alike, and
 * prints median times and their ratio. Not a test (no assertions, not run by surefire).
 * <p>
 * Run after {@code mvn -Pbench test-compile} (it drives {@link PgpBenchmark}, compiled only in that profile):
 * {@code java -cp target/classes:target/test-classes:<test classpath> org.vouchsafe.pgp.PgpInterleavedBenchmark 2000}
 * (the test classpath from {@code mvn dependency:build-classpath -Dmdep.includeScope=test}).
 */
public final class PgpInterleavedBenchmark {

    private PgpInterleavedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        // the first two passes warm the JIT up and are not printed
        List<String> passes = List.of("ann", "bob", "ann", "bob");
        for (int pass = 0; pass < passes.size(); pass++) {
            PgpBenchmark b = new PgpBenchmark();
            b.who = passes.get(pass);
            b.setUp();
            long[][] t = new long[6][rounds];
            for (int i = 0; i < rounds; i++) {
                long s0 = System.nanoTime();
                b.inspectKey();
                long s1 = System.nanoTime();
                b.bareParseKey();
                long s2 = System.nanoTime();
                b.encryptChallenge();
                long s3 = System.nanoTime();
                b.bareEncryptChallenge();
                long s4 = System.nanoTime();
                b.verifySignature();
                long s5 = System.nanoTime();
                b.bareVerifySignature();
                long s6 = System.nanoTime();
                t[0][i] = s1 - s0;
                t[1][i] = s2 - s1;
                t[2][i] = s3 - s2;
                t[3][i] = s4 - s3;
                t[4][i] = s5 - s4;
                t[5][i] = s6 - s5;
            }
            if (pass < 2) {
                continue;
            }
            for (long[] times : t) {
                Arrays.sort(times);
            }
            int m = rounds / 2;
            System.out.printf("%s: inspect %d us / bare %d us = %.2f; encrypt %d us / bare %d us = %.2f; "
                            + "verify %d us / bare %d us = %.2f%n", b.who,
                    t[0][m] / 1000, t[1][m] / 1000, (double) t[0][m] / t[1][m],
                    t[2][m] / 1000, t[3][m] / 1000, (double) t[2][m] / t[3][m],
                    t[4][m] / 1000, t[5][m] / 1000, (double) t[4][m] / t[5][m]);
        }
    }
}
