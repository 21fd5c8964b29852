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
import org.vouchsafe.problem.PayloadTooLargeException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** OSV uploads (JSON array, zip) through the service. Fixtures are made up. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tr;DB_CLOSE_DELAY=-1")
@Import(TrackRecordTestConfig.class)
class TrackRecordOsvImportTests {

    static final String REQUEST = "00000000-0000-0000-0000-000000000002";

    @Autowired
    TrackRecordService service;
    @Autowired
    TrackRecordEntryRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fileRequest() {
        TrackRecordCsvImportTests.insertRequest(jdbc, REQUEST);
    }

    private static byte[] fixture() throws IOException {
        return TrackRecordOsvImportTests.class.getResourceAsStream("/trackrecord/osv-advisories.json").readAllBytes();
    }

    private static String advisory(String id, String published, String aliases, String reference) {
        return "{\"id\":\"" + id + "\",\"published\":\"" + published + "\",\"aliases\":[" + aliases + "],"
                + "\"references\":[{\"type\":\"ADVISORY\",\"url\":\"" + reference + "\"}]}";
    }

    private static String upstream(String id, String published) {
        return "{\"id\":\"" + id + "\",\"published\":\"" + published + "\"}";
    }

    private List<FieldProblem> rejectedJson(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> service.importUpload(REQUEST,
                json.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThat(e).as("upload should be rejected").isNotNull();
        assertThat(repository.countByRequestId(REQUEST)).isZero();
        return e.problems();
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void shouldTakeFixDatesFromAdvisoriesAndPublicDatesFromUpstreamRecords() throws IOException {
        ImportResult result = service.importUpload(REQUEST, fixture(), "application/json");

        assertThat(result).isEqualTo(new ImportResult(TrackRecordSource.OSV, 3, 3));
        assertThat(service.entries(REQUEST))
                .extracting(TrackRecordEntry::issue, TrackRecordEntry::publicDate, TrackRecordEntry::fixDate,
                        TrackRecordEntry::viaDistros, TrackRecordEntry::reference, TrackRecordEntry::source)
                .containsExactly(
                        tuple("CVE-2026-91001", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), true,
                                "https://example.org/security/EXSA-2026-0001", TrackRecordSource.OSV),
                        // published 23:30 at -02:00 is the next day in UTC; the GHSA record was public a day earlier
                        tuple("CVE-2026-91002", LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 21), false,
                                "https://example.org/changelog/exampletool-2.4.1", TrackRecordSource.OSV),
                        tuple("CVE-2026-91003", LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 21), false,
                                "https://example.org/changelog/exampletool-2.4.1", TrackRecordSource.OSV));
    }

    @Test
    void shouldReadAZipOfRecordsSkippingDirectoriesAndResourceForks() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("osv/", new byte[0]);
        files.put("osv/advisories.json", fixture());
        files.put("__MACOSX/osv/._advisories.json", new byte[]{0, 1, 2});

        ImportResult result = service.importUpload(REQUEST, zip(files), "application/zip");

        assertThat(result.imported()).isEqualTo(3);
    }

    @Test
    void shouldRejectAnAdvisoryWhoseIssueHasNoUpstreamRecord() {
        List<FieldProblem> problems = rejectedJson("[" + advisory("EXSA-2026-0100", "2026-04-01T00:00:00Z",
                "\"CVE-2026-92000\"", "https://example.org/a") + "]");

        assertThat(problems).containsExactly(new FieldProblem("record 1 (EXSA-2026-0100): CVE-2026-92000",
                "has no public date: add the upstream OSV record of CVE-2026-92000 to this upload (its published date "
                        + "is the disclosure date), or upload this issue as CSV with its public_date"));
    }

    @Test
    void shouldRejectFutureUnparsableAndMissingDates() {
        List<FieldProblem> problems = rejectedJson("["
                + advisory("EXSA-2026-0101", "2027-01-05T00:00:00Z", "\"CVE-2026-92001\"", "https://example.org/a") + ","
                + upstream("CVE-2026-92001", "2026-12-30T00:00:00Z") + ","
                + advisory("EXSA-2026-0102", "last tuesday", "\"CVE-2026-92002\"", "https://example.org/b") + ","
                + "{\"id\":\"EXSA-2026-0103\",\"aliases\":[\"CVE-2026-92003\"]}]");

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "record 3 (EXSA-2026-0102): published",
                "record 4 (EXSA-2026-0103): published",
                "record 1 (EXSA-2026-0101): published of the upstream record of CVE-2026-92001",
                "record 1 (EXSA-2026-0101): published");
        assertThat(problems.get(0).message()).startsWith("is not an RFC 3339 timestamp: 'last tuesday'");
        assertThat(problems.get(3).message()).startsWith("must not be in the future (2027-01-05 is after today, 2026-11-27)");
    }

    @Test
    void shouldRejectAnAdvisoryWithoutAnHttpsReference() {
        List<FieldProblem> problems = rejectedJson("["
                + advisory("EXSA-2026-0104", "2026-04-01T00:00:00Z", "\"CVE-2026-92004\"", "http://example.org/a") + ","
                + upstream("CVE-2026-92004", "2026-03-30T00:00:00Z") + "]");

        assertThat(problems).containsExactly(new FieldProblem("record 1 (EXSA-2026-0104): references",
                "has no https link; add the advisory's URL as a reference of type ADVISORY"));
    }

    @Test
    void shouldRejectTwoAdvisoriesForTheSameIssue() {
        List<FieldProblem> problems = rejectedJson("["
                + advisory("EXSA-2026-0105", "2026-04-01T00:00:00Z", "\"CVE-2026-92005\"", "https://example.org/a") + ","
                + advisory("EXSA-2026-0106", "2026-04-09T00:00:00Z", "\"CVE-2026-92005\"", "https://example.org/b") + ","
                + upstream("CVE-2026-92005", "2026-03-30T00:00:00Z") + "]");

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("record 2 (EXSA-2026-0106): aliases (CVE-2026-92005)");
        assertThat(problems.get(0).message()).contains("also record 1 (EXSA-2026-0105) CVE-2026-92005");
    }

    @Test
    void shouldRejectJsonThatIsNotOsv() {
        assertThat(rejectedJson("{\"id\": ")).extracting(FieldProblem::field).containsExactly("body");
        assertThat(rejectedJson("42")).extracting(FieldProblem::message)
                .containsExactly("must be an OSV record (a JSON object) or an array of them");
        assertThat(rejectedJson("[{\"published\":\"2026-01-01T00:00:00Z\"}]")).containsExactly(
                new FieldProblem("record 1: id", "is missing; every OSV record has an id"));
    }

    @Test
    void shouldRejectZipEntriesThatClimbOutOrAreAbsolute() {
        for (String name : List.of("../evil.json", "osv/../../evil.json", "/etc/evil.json", "C:/evil.json",
                "osv\\evil.json")) {
            assertThatThrownBy(() -> service.importUpload(REQUEST, zip(Map.of(name, fixture())), "application/zip"))
                    .as(name).isInstanceOf(InvalidInputException.class).hasMessageContaining("has an unsafe path");
        }
        assertThat(repository.countByRequestId(REQUEST)).isZero();
    }

    @Test
    void shouldRejectZipEntriesThatAreNotJson() throws IOException {
        byte[] zip = zip(Map.of("advisories.json", fixture(), "run-me.sh", "echo".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> service.importUpload(REQUEST, zip, "application/zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("zip entry run-me.sh: is not a .json OSV record");
        assertThat(repository.countByRequestId(REQUEST)).isZero();
    }

    @Test
    void shouldStopAZipBombAt10UncompressedMegabytes() throws IOException {
        // 64 MB of spaces deflate to well under 100 KB: the header sizes are not to be trusted.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("bomb.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);

        assertThatThrownBy(() -> service.importUpload(REQUEST, out.toByteArray(), "application/zip"))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("unpacks to more than");
    }

    @Test
    void shouldCapTheNumberOfZipEntries() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            files.put("d" + i + "/", new byte[0]);
        }
        byte[] zip = zip(files);

        assertThatThrownBy(() -> SafeZip.jsonFiles(zip, 1_000, 4)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("more than 4 entries");
    }

    @Test
    void shouldRejectSomethingThatIsNotAZip() {
        assertThatThrownBy(() -> service.importUpload(REQUEST, "hello".getBytes(StandardCharsets.UTF_8), "application/zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no .json OSV records");
    }
}
