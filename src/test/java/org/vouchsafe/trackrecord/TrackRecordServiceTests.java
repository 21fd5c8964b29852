package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vouchsafe.trackrecord.TrackRecordStatisticsCalculatorTests.entry;

/** The filing path, the assessment with the shipped DMN, and the chart, through the service. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tr;DB_CLOSE_DELAY=-1")
@Import(TrackRecordTestConfig.class)
class TrackRecordServiceTests {

    static final String REQUEST = "00000000-0000-0000-0000-000000000003";
    static final LocalDate FILED = TrackRecordTestConfig.TODAY;

    @Autowired
    TrackRecordService service;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fileRequest() {
        TrackRecordCsvImportTests.insertRequest(jdbc, REQUEST);
    }

    /** n entries over two years up to a week before filing, latency i % 4 days, every third via distros. */
    private static List<TrackRecordEntryInput> fastRecord(int n) {
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        LocalDate first = FILED.minusDays(730);
        for (int i = 0; i < n; i++) {
            LocalDate published = first.plusDays((long) i * 720 / Math.max(1, n - 1));
            entries.add(new TrackRecordEntryInput("CVE-2026-9" + String.format("%04d", i), published,
                    published.plusDays(i % 4), i % 3 == 0, "https://example.org/sa/" + i, null));
        }
        return entries;
    }

    @Test
    void shouldNameFilingFieldsByTheirJsonPath() {
        List<TrackRecordEntryInput> entries = List.of(
                entry("CVE-2026-0001", "2026-01-02", "2026-01-04", true),
                new TrackRecordEntryInput("CVE-2026-0001", LocalDate.parse("2026-01-02"), LocalDate.parse("2027-01-01"),
                        null, "ftp://example.org/x", LocalDate.parse("2027-02-01")));

        List<FieldProblem> problems = service.validate(entries, "evidence.trackRecord", FILED);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "evidence.trackRecord[1].fixDate", "evidence.trackRecord[1].upstreamFixDate",
                "evidence.trackRecord[1].viaDistrosList", "evidence.trackRecord[1].reference",
                "evidence.trackRecord[1].issue");
        assertThat(problems.get(0).message()).startsWith("must not be in the future (2027-01-01 is after today, 2026-11-27)");
        assertThat(problems.get(4).message()).contains("also evidence.trackRecord[0]");
    }

    @Test
    void shouldStoreFilingEntriesAndAssessThemWithTheShippedRules() {
        service.addFromFiling(REQUEST, fastRecord(30));

        TrackRecordAssessment a = service.assess(REQUEST, FILED, false);

        assertThat(a.check().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(a.check().reasons()).containsExactly("Fixes are released fast: median 1 day, 100 % within 10 days; "
                + "30 fixes from 2024-11-27 to 2026-11-18 (2 years before filing), 10 handled via (linux-)distros.");
        assertThat(a.eligibleFrom()).isEmpty();
        assertThat(a.deferDefault()).isEmpty();
        assertThat(service.entries(REQUEST)).allSatisfy(e -> assertThat(e.source()).isEqualTo(TrackRecordSource.FILING));
    }

    @Test
    void shouldRefuseFilingEntriesThatRepeatStoredOnes() {
        service.addFromFiling(REQUEST, List.of(entry("CVE-2026-0002", "2026-01-02", "2026-01-04", true)));

        assertThatThrownBy(() -> service.addFromFiling(REQUEST,
                List.of(entry("CVE-2026-0002", "2026-02-02", "2026-02-04", true))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("evidence.trackRecord[0].issue: CVE-2026-0002 is listed twice (also already stored for this "
                        + "request); each issue counts once per request, remove one of them");
    }

    @Test
    void shouldFailOnlyOnSpanAndDeferToTheForecastDate() {
        // A fast record, but the first issue became public 300 days before filing.
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LocalDate published = FILED.minusDays(300 - 30L * i);
            entries.add(new TrackRecordEntryInput("CVE-2026-1" + i, published, published.plusDays(1), true,
                    "https://example.org/sa/" + i, null));
        }

        TrackRecordAssessment a = service.assess(entries, FILED, false);

        LocalDate forecast = FILED.minusDays(300).plusDays(365);
        assertThat(a.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(a.failedOnlyOnSpan()).isTrue();
        assertThat(a.eligibleFrom()).contains(forecast);
        assertThat(a.deferDefault()).contains(forecast);
        assertThat(a.check().reasons().get(0)).isEqualTo("The track record starts on 2026-02-00 (the earliest public date)"
                .replace("2026-02-00", FILED.minusDays(300).toString()) + ", only 300 days before filing; the criterion "
                + "asks for at least 365 days. Keep fixing and listing issues: the record is long enough from "
                + forecast + ".");
    }

    @Test
    void shouldNotDeferToTheForecastWhenSomethingElseFailedToo() {
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LocalDate published = FILED.minusDays(200 - 10L * i);
            entries.add(new TrackRecordEntryInput("CVE-2026-2" + i, published, published.plusDays(30), true,
                    "https://example.org/sa/" + i, null));
        }

        TrackRecordAssessment a = service.assess(entries, FILED, false);

        assertThat(a.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(a.failedOnlyOnSpan()).isFalse();
        assertThat(a.eligibleFrom()).isPresent();
        assertThat(a.deferDefault()).isEmpty();
        assertThat(a.check().reasons()).anySatisfy(r -> assertThat(r).startsWith(
                "Fixes were released a median of 30 days after the issues became public; the criterion asks for at most 10 days."));
    }

    @Test
    void shouldRaiseActionableConcernsForAStaleSlowishRecordWithoutDistros() {
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LocalDate published = FILED.minusDays(700 - 100L * i);
            entries.add(new TrackRecordEntryInput("CVE-2025-3" + i, published, published.plusDays(i == 0 ? 20 : 3),
                    false, "https://example.org/sa/" + i, null));
        }

        TrackRecordAssessment a = service.assess(entries, FILED, true);

        assertThat(a.check().outcome()).isEqualTo(CheckOutcome.CONCERN);
        assertThat(a.verdict().findings()).extracting(TrackRecordFinding::reason).containsExactly(
                TrackRecordFinding.Reason.FEW_WITHIN_10_DAYS, TrackRecordFinding.Reason.NOT_CURRENT,
                TrackRecordFinding.Reason.FEW_VIA_DISTROS, TrackRecordFinding.Reason.FEW_ENTRIES);
        assertThat(a.check().reasons()).contains(
                "Only 75 % of fixes (3 of 4) were released within 10 days of becoming public; reviewers look for at "
                        + "least 90 %. Explain the slower ones in answer 3 (90 % were fixed within 20 days, the slowest "
                        + "took 20 days).",
                "Only 4 entries were given; reviewers need at least 5 to judge a track record. List more of the "
                        + "security issues you fixed.",
                "As a downstream distro, give the upstream fix date of each entry (upstream_fix_date), so that "
                        + "reviewers can see how closely you follow upstream (criterion 4).");
        assertThat(a.check().reasons()).anySatisfy(r -> assertThat(r).contains(", 397 days before filing; the record "
                + "must continue to the present (a fix within the last 90 days)."));
    }

    @Test
    void shouldAssessAnEmptyRecordWithoutAForecast() {
        TrackRecordAssessment a = service.assess(List.of(), FILED, false);

        assertThat(a.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(a.eligibleFrom()).isEmpty();
        assertThat(a.deferDefault()).isEmpty();
        assertThat(a.check().reasons().get(0)).startsWith("No track-record entries were given");
    }

    @Test
    void shouldRefuseToSelfAssessInvalidEntries() {
        assertThatThrownBy(() -> service.assess(List.of(entry("CVE-2026-0003", "2026-01-02", "2027-01-04", true)),
                FILED, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("evidence.trackRecord[0].fixDate: must not be in the future");
    }

    @Test
    void shouldDrawTheStoredRecord() {
        service.addFromFiling(REQUEST, fastRecord(12));

        String svg = service.svg(REQUEST, FILED);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("10-day limit")
                .contains("<title>Track record: 12 fixes, median latency 1.5 days, 100 % within 10 days");
        assertThatThrownBy(() -> service.svg("no-such-request", FILED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.assess("no-such-request", FILED, false)).isInstanceOf(NotFoundException.class);
    }
}
