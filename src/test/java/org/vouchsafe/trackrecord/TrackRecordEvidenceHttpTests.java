package org.vouchsafe.trackrecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Criterion 3 as applicants and reviewers meet it: judged at filing from the payload,
 * re-judged when the applicant uploads more evidence during review, charted for reviewers.
 */
@VouchsafeTest
class TrackRecordEvidenceHttpTests {

    @Autowired
    TestRestTemplate rest;

    @SuppressWarnings("unchecked")
    @Test
    void shouldTurnAConcernIntoAPassWhenTheApplicantAddsEvidenceDuringReview() {
        // given a request whose track record has only four entries (a CONCERN, so it still goes to review)
        Api api = new Api(rest);
        Map<String, Object> filing = Filings.valid();
        ((List<Object>) Filings.evidence(filing).get("trackRecord")).remove(2);
        Api.Response filed = api.post("applicant", "/api/requests", filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        JsonNode c3 = criterion(api, id, 3);
        assertThat(c3.path("check").path("outcome").asText()).isEqualTo("CONCERN");
        assertThat(c3.path("check").path("reasons").toString()).contains("4");
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");

        // when the applicant uploads one more fix as CSV
        LocalDate today = LocalDate.now();
        String csv = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                + "CVE-2025-2001," + today.minusDays(380) + "," + today.minusDays(379) + ",true,https://example.org/sa/2001,\n";
        Api.Response uploaded = api.postRaw("applicant", "/api/requests/" + id + "/track-record", csv, MediaType.parseMediaType("text/csv"));

        // then the check re-ran and reviewers see PASS with how fast the distro fixes
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().path("imported").asInt()).isEqualTo(1);
        JsonNode after = criterion(api, id, 3);
        assertThat(after.path("check").path("outcome").asText()).isEqualTo("PASS");
        assertThat(after.path("check").path("reasons").get(0).asText()).contains("median").contains("within 10 days");

        // and the chart is an SVG with the 10-day line
        Api.Response svg = api.get("reviewer1", "/api/requests/" + id + "/track-record.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("10 days");
    }

    @Test
    void shouldRefuseABadUploadWholeAndNameTheLine() {
        Api api = new Api(rest);
        String id = api.post("applicant", "/api/requests", Filings.valid()).json().path("id").asText();
        String csv = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                + "CVE-2025-3001,2025-01-02,2025-01-03,true,https://example.org/sa/3001,\n"
                + "CVE-2025-3002,2025-02-30,2025-03-01,true,http://example.org/sa/3002,\n";

        Api.Response response = api.postRaw("applicant", "/api/requests/" + id + "/track-record", csv,
                MediaType.parseMediaType("text/csv"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).anySatisfy(f -> assertThat(f).startsWith("line 3"));
        JsonNode stats = api.get("applicant", "/api/requests/" + id + "/track-record").json().path("statistics");
        assertThat(stats.path("entryCount").asInt()).isEqualTo(5);
    }

    @Test
    void shouldForecastEligibilityInTheSelfAssessment() {
        Api api = new Api(rest);
        Map<String, Object> draft = Filings.valid();
        LocalDate today = LocalDate.now();
        Filings.evidence(draft).put("trackRecord", List.of(
                Filings.entry("CVE-2026-4001", today.minusDays(100), today.minusDays(99)),
                Filings.entry("CVE-2026-4002", today.minusDays(50), today.minusDays(49))));

        Api.Response response = api.post(null, "/api/self-assessment", draft);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode section = response.json().path("details").path("trackRecord");
        assertThat(section.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(section.path("eligibleFrom").asText()).isEqualTo(today.minusDays(100).plusDays(365).toString());
        assertThat(section.path("statistics").path("entryCount").asInt()).isEqualTo(2);
        assertThat(response.json().path("checks").get(2).path("outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void shouldAssessACsvAloneForAProspectiveApplicant() {
        LocalDate today = LocalDate.now();
        String csv = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                + "CVE-2026-5001," + today.minusDays(200) + "," + today.minusDays(199) + ",true,https://example.org/sa/5001,\n"
                + "CVE-2026-5002," + today.minusDays(20) + "," + today.minusDays(18) + ",false,https://example.org/sa/5002,\n";

        Api.Response response = new Api(rest).postRaw(null, "/api/self-assessment", csv, MediaType.parseMediaType("text/csv"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("checks")).hasSize(1);
        assertThat(response.json().path("checks").get(0).path("number").asInt()).isEqualTo(3);
        assertThat(response.json().path("checks").get(0).path("outcome").asText()).isEqualTo("FAIL");
        JsonNode section = response.json().path("details").path("trackRecord");
        assertThat(section.path("statistics").path("entryCount").asInt()).isEqualTo(2);
        assertThat(section.path("eligibleFrom").asText()).isEqualTo(today.minusDays(200).plusDays(365).toString());
    }

    @Test
    void shouldAnswerTheSameTrackRecordSectionForADraftAndForTheSameEvidenceAlone() {
        Api api = new Api(rest);
        LocalDate today = LocalDate.now();
        Map<String, Object> draft = Filings.valid();
        Filings.evidence(draft).put("trackRecord", List.of(
                Filings.entry("CVE-2026-7001", today.minusDays(300), today.minusDays(298)),
                Filings.entry("CVE-2026-7002", today.minusDays(40), today.minusDays(25))));
        String csv = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                + "CVE-2026-7001," + today.minusDays(300) + "," + today.minusDays(298)
                + ",true,https://example.org/security/CVE-2026-7001,\n"
                + "CVE-2026-7002," + today.minusDays(40) + "," + today.minusDays(25)
                + ",true,https://example.org/security/CVE-2026-7002,\n";

        Api.Response fromDraft = api.post(null, "/api/self-assessment", draft);
        Api.Response fromCsv = api.postRaw(null, "/api/self-assessment", csv, MediaType.parseMediaType("text/csv"));

        assertThat(fromDraft.status()).as(fromDraft.toString()).isEqualTo(200);
        assertThat(fromCsv.status()).as(fromCsv.toString()).isEqualTo(200);
        JsonNode section = fromCsv.json().path("details").path("trackRecord");
        assertThat(section.path("statistics").path("entryCount").asInt()).isEqualTo(2);
        assertThat(section).isEqualTo(fromDraft.json().path("details").path("trackRecord"));
    }

    @Test
    void shouldNameTheBadLineOfAnEvidenceOnlyAssessment() {
        String csv = "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                + "CVE-2026-6001,2026-02-30,2026-03-01,true,https://example.org/sa/6001,\n";

        Api.Response response = new Api(rest).postRaw(null, "/api/self-assessment", csv, MediaType.parseMediaType("text/csv"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).anySatisfy(f -> assertThat(f).startsWith("line 2"));
    }

    private static JsonNode criterion(Api api, String id, int number) {
        for (JsonNode c : api.get("reviewer1", "/api/requests/" + id).json().path("criteria")) {
            if (c.path("number").asInt() == number) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + number);
    }
}
