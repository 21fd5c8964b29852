package org.vouchsafe.trackrecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.problem.PayloadTooLargeException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** CSV uploads through the service, against H2 with the Flyway schema (Hibernate validates it). */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tr;DB_CLOSE_DELAY=-1")
@Import(TrackRecordTestConfig.class)
class TrackRecordCsvImportTests {

    static final String REQUEST = "00000000-0000-0000-0000-000000000001";
    static final String HEADER = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n";

    @Autowired
    TrackRecordService service;
    @Autowired
    TrackRecordEntryRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fileRequest() {
        insertRequest(jdbc, REQUEST);
    }

    static void insertRequest(JdbcTemplate jdbc, String id) {
        jdbc.update("insert into membership_request (id, list_name, distro_name, unix_like, open_source, "
                + "policy_version, policy_accepted, status, review_round, filed_by, filed_at, version) "
                + "values (?, 'linux-distros', 'Example Linux', true, true, '2017-06-28', true, 'IN_REVIEW', 1, "
                + "'ann', current_timestamp, 0)", id);
    }

    private ImportResult upload(String csv) {
        return service.importUpload(REQUEST, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private List<FieldProblem> rejected(String csv) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> upload(csv));
        assertThat(e).as("upload should be rejected").isNotNull();
        assertThat(repository.countByRequestId(REQUEST)).as("nothing of a rejected upload is stored").isZero();
        return e.problems();
    }

    @Test
    void shouldImportAGoodCsvWithQuotesEmptyLinesAndEmbargoedFixes() throws IOException {
        byte[] body = getClass().getResourceAsStream("/trackrecord/good.csv").readAllBytes();

        ImportResult result = service.importUpload(REQUEST, body, "text/csv; charset=utf-8");

        assertThat(result).isEqualTo(new ImportResult(TrackRecordSource.CSV, 5, 5));
        List<TrackRecordEntry> stored = service.entries(REQUEST);
        assertThat(stored).extracting(TrackRecordEntry::issue).containsExactly(
                "CVE-2025-90001", "CVE-2025-90002", "CVE-2025-90003", "CVE-2026-90004", "CVE-2026-90005");
        TrackRecordEntry quoted = stored.get(2);
        assertThat(quoted.reference()).isEqualTo("https://example.org/security/EXSA-2025-003?a=1,2");
        assertThat(quoted.viaDistros()).isTrue();
        assertThat(quoted.fixDate()).isBefore(quoted.publicDate());
        assertThat(stored.get(1).upstreamFixDate()).isEqualTo(LocalDate.of(2025, 8, 13));
        assertThat(stored).allSatisfy(e -> assertThat(e.source()).isEqualTo(TrackRecordSource.CSV));
    }

    @Test
    void shouldAcceptColumnsInAnyOrderAndABom() {
        ImportResult result = upload("\uFEFFfix_date,issue,reference,via_distros,public_date\n"
                + "2026-01-03,CVE-2026-90010,https://example.org/a,false,2026-01-01\n");

        assertThat(result.imported()).isEqualTo(1);
        assertThat(service.entries(REQUEST).get(0).issue()).isEqualTo("CVE-2026-90010");
    }

    @Test
    void shouldRejectAFutureDateNamingLineFieldAndFix() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90011,2026-11-01,2026-11-02,true,https://example.org/a,\n"
                + "CVE-2026-90012,2026-11-01,2027-01-01,true,https://example.org/b,\n");

        assertThat(problems).containsExactly(new FieldProblem("line 3: fix_date",
                "must not be in the future (2027-01-01 is after today, 2026-11-27); correct the date or leave the "
                        + "entry out until it has happened"));
    }

    @Test
    void shouldRejectUnparsableDatesAndBooleans() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90013,2026-02-30,26/01/2026,maybe,https://example.org/a,2026-1-5\n");

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "line 2: public_date", "line 2: fix_date", "line 2: via_distros", "line 2: upstream_fix_date");
        assertThat(problems.get(0).message()).isEqualTo("is not a date: '2026-02-30'; write it as yyyy-mm-dd, e.g. 2026-01-31");
        assertThat(problems.get(2).message()).contains("write true if the issue was handled");
    }

    @Test
    void shouldRejectDuplicateIssueIdsWithinTheUploadIgnoringCase() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90014,2026-01-01,2026-01-02,true,https://example.org/a,\n"
                + "cve-2026-90014,2026-01-01,2026-01-02,true,https://example.org/b,\n");

        assertThat(problems).containsExactly(new FieldProblem("line 3: issue",
                "cve-2026-90014 is listed twice (also line 2); each issue counts once per request, remove one of them"));
    }

    @Test
    void shouldRejectIssuesAlreadyStoredForTheRequest() {
        upload(HEADER + "CVE-2026-90015,2026-01-01,2026-01-02,true,https://example.org/a,\n");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> upload(HEADER
                + "CVE-2026-90016,2026-01-01,2026-01-02,true,https://example.org/b,\n"
                + "CVE-2026-90015,2026-01-01,2026-01-02,true,https://example.org/c,\n"));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("line 3: issue");
        assertThat(e.problems().get(0).message()).contains("also already stored for this request");
        assertThat(service.entries(REQUEST)).extracting(TrackRecordEntry::issue).containsExactly("CVE-2026-90015");
    }

    @Test
    void shouldRejectReferencesThatAreNotHttps() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90017,2026-01-01,2026-01-02,true,http://example.org/a,\n"
                + "CVE-2026-90018,2026-01-01,2026-01-02,true,example.org/b,\n"
                + "CVE-2026-90019,2026-01-01,2026-01-02,true,,\n");

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("line 2: reference", "line 3: reference", "line 4: reference");
        assertThat(problems.get(0).message()).startsWith("must be a public https:// link");
        assertThat(problems.get(2).message()).startsWith("is missing; give an https:// link");
    }

    @Test
    void shouldRejectMissingFieldsAndBadIssueIds() {
        List<FieldProblem> problems = rejected(HEADER
                + ",2026-01-01,,true,https://example.org/a,\n"
                + "CVE 2026 1,2026-01-01,2026-01-02,,https://example.org/b,\n"
                + "CVE-2026-90020,1969-07-20,2026-01-02,false,https://example.org/c,\n");

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "line 2: issue", "line 2: fix_date", "line 3: issue", "line 3: via_distros", "line 4: public_date");
        assertThat(problems.get(4).message()).isEqualTo("must be on or after 1970-01-01 (was 1969-07-20); check the year");
    }

    @Test
    void shouldRejectABadHeader() {
        List<FieldProblem> problems = rejected("issue,public,fix_date,via_distros,reference\n"
                + "CVE-2026-90021,2026-01-01,2026-01-02,true,https://example.org/a\n");

        assertThat(problems).extracting(FieldProblem::message).containsExactly(
                "has an unknown column 'public'; the header is issue,public_date,fix_date,via_distros,reference,upstream_fix_date",
                "lacks the column public_date; the header is issue,public_date,fix_date,via_distros,reference,upstream_fix_date");
        assertThat(problems).extracting(FieldProblem::field).containsOnly("line 1");
    }

    @Test
    void shouldRejectARowWithMoreValuesThanColumns() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90022,2026-01-01,2026-01-02,true,https://example.org/a,b,,\n");

        assertThat(problems).extracting(FieldProblem::field).containsExactly("line 2");
        assertThat(problems.get(0).message()).contains("put values containing commas in double quotes");
    }

    @Test
    void shouldCountLinesOfQuotedLineBreaks() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90023,2026-01-01,2026-01-02,true,\"https://example.org/a\nsecond line\",\n"
                + "CVE-2026-90024,2026-01-01,2026-13-02,true,https://example.org/b,\n");

        assertThat(problems).extracting(FieldProblem::field).containsExactly("line 2: reference", "line 4: fix_date");
    }

    @Test
    void shouldRejectBrokenQuoting() {
        List<FieldProblem> problems = rejected(HEADER
                + "CVE-2026-90025,2026-01-01,2026-01-02,true,\"https://example.org/a,\n");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("is not valid CSV");
    }

    @Test
    void shouldRejectAnEmptyUploadAndAHeaderWithoutEntries() {
        assertThat(rejected("")).extracting(FieldProblem::field).containsExactly("line 1");
        assertThat(rejected(HEADER)).containsExactly(
                new FieldProblem("body", "has no entries; add at least one line after the header"));
    }

    @Test
    void shouldRejectTextThatIsNotUtf8() {
        byte[] latin1 = (HEADER + "CVE-2026-90026,2026-01-01,2026-01-02,true,https://example.org/caf\u00e9,\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> service.importUpload(REQUEST, latin1, "text/csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void shouldRejectAnUnknownContentType() {
        assertThatThrownBy(() -> service.importUpload(REQUEST, new byte[]{1}, "application/pdf"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Content-Type: is application/pdf");
    }

    @Test
    void shouldRejectMoreThan100000EntriesAs413() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= TrackRecordService.MAX_ENTRIES; i++) {
            csv.append("X-").append(i).append(",2026-01-01,2026-01-02,true,https://e.org/,\n");
        }

        assertThatThrownBy(() -> upload(csv.toString())).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("more than 100000 entries");
        assertThat(repository.countByRequestId(REQUEST)).isZero();
    }

    @Test
    void shouldRejectMoreThan10MegabytesAs413() {
        byte[] body = new byte[TrackRecordService.MAX_UPLOAD_BYTES + 1];

        assertThatThrownBy(() -> service.importUpload(REQUEST, body, "text/csv"))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("10 MB");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownRequest() {
        assertThatThrownBy(() -> service.importUpload("no-such-request", HEADER.getBytes(StandardCharsets.UTF_8),
                "text/csv")).isInstanceOf(NotFoundException.class);
    }
}
