package org.vouchsafe.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/security.md shows the same matrix that AuthorizationMatrixTests enforces. */
class MatrixDocumentationTests {

    static final String BEGIN = "<!-- matrix:begin (generated from src/test/resources/security/matrix.csv) -->";
    static final String END = "<!-- matrix:end -->";

    @Test
    void shouldMirrorTheMatrixInTheSecurityDocs() throws IOException {
        String docs = Files.readString(Path.of("docs", "security.md"), StandardCharsets.UTF_8);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as("docs/security.md has the line " + BEGIN).isNotNegative();
        assertThat(end).as("docs/security.md has the line " + END).isGreaterThan(begin);

        String documented = docs.substring(begin + BEGIN.length(), end).strip();

        assertThat(documented).as("Replace the table in docs/security.md with:\n" + Matrix.markdown())
                .isEqualTo(Matrix.markdown().strip());
    }
}
