package org.vouchsafe.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRecordCsvTests {

    static final String HEADER = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n";

    @Test
    void shouldReadRowsWithQuotedFieldsAndAByteOrderMark() {
        TrackRecordCsv.Result result = TrackRecordCsv.parse("\uFEFF" + HEADER
                + "CVE-2026-0001,2026-01-02,2026-01-04,true,https://example.org/a,\n"
                + "\"CVE-2026-0002\",2026-02-01,2026-02-09,no,\"https://example.org/b?x=1,2\",2026-02-03\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).isViaDistrosList()).isTrue();
        assertThat(result.rows().get(1).getReference()).isEqualTo("https://example.org/b?x=1,2");
        assertThat(result.rows().get(1).getUpstreamFixDate()).isEqualTo("2026-02-03");
        assertThat(result.rows().get(1).isViaDistrosList()).isFalse();
    }

    @Test
    void shouldRefuseAFileWithAnotherHeader() {
        TrackRecordCsv.Result result = TrackRecordCsv.parse("cve,date\nCVE-1,2026-01-01\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("line 1:"));
    }

    @Test
    void shouldNameTheLineOfABadFlagAndImportNothing() {
        TrackRecordCsv.Result result = TrackRecordCsv.parse(HEADER
                + "CVE-2026-0001,2026-01-02,2026-01-04,true,https://example.org/a,\n"
                + "CVE-2026-0002,2026-01-02,2026-01-04,maybe,https://example.org/b,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly("line 3: via_distros must be true or false, not \"maybe\".");
    }
}
