package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile key and signature in src/test/resources/pgp/corpus yields the reason
 * named in corpus/manifest.csv, and nothing crashes. Files are read as ISO-8859-1 so that binary
 * junk reaches the services byte for byte, as it would through a form.
 */
class CorpusTests {

    private final CertificateInspector inspector = new CertificateInspector(KeyPolicy.standard());
    private final SignatureService signatures = new SignatureService(inspector);

    record Entry(String file, String kind, String expected, String key, String email) {
    }

    static Stream<Arguments> keyEntries() {
        return manifest().stream().filter(e -> e.kind().equals("key"))
                .map(e -> Arguments.of(Named.of(e.file() + " -> " + e.expected(), e)));
    }

    static Stream<Arguments> signatureEntries() {
        return manifest().stream().filter(e -> e.kind().equals("signature"))
                .map(e -> Arguments.of(Named.of(e.file() + " -> " + e.expected(), e)));
    }

    @ParameterizedTest
    @MethodSource("keyEntries")
    void shouldRefuseCorpusKeyWithItsNamedReason(Entry entry) {
        KeyReport report = inspector.inspect(content(entry.file()), entry.email(), Fixtures.NOW);

        assertThat(report.healthy()).isFalse();
        assertThat(report.problems()).extracting(KeyProblem::code)
                .contains(KeyProblem.Code.valueOf(entry.expected()));
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("signatureEntries")
    void shouldRefuseCorpusSignatureWithItsNamedReason(Entry entry) {
        SignatureVerification result = signatures.verify(Fixtures.publicKey(entry.key()), Fixtures.fingerprint(entry.key()),
                Fixtures.text("statement.txt"), content(entry.file()), Fixtures.NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.code()).isEqualTo(SignatureVerification.Code.valueOf(entry.expected()));
        assertThat(result.message()).isNotBlank();
    }

    private static String content(String file) {
        return new String(Fixtures.bytes("corpus/" + file), StandardCharsets.ISO_8859_1);
    }

    static List<Entry> manifest() {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                CorpusTests.class.getResourceAsStream("/pgp/corpus/manifest.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                entries.add(new Entry(f[0], f[1], f[2], f[3], f[4]));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }
}
