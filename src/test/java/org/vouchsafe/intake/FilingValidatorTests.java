package org.vouchsafe.intake;

import java.time.Clock;

import org.mockito.Mockito;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the filing payload names the field it is about, so tooling can point at it. */
@SuppressWarnings("unchecked")
class FilingValidatorTests {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final FilingValidator validator = org.vouchsafe.support.Validators.filingValidator();
    private final LocalDate today = LocalDate.now();

    @Test
    void shouldAcceptTheValidFiling() {
        assertThat(problems(filing -> { })).isEmpty();
    }

    @Test
    void shouldNameAMissingAnswer() {
        List<FieldProblem> problems = problems(filing -> Filings.answers(filing).remove("4"));

        assertThat(fields(problems)).containsExactly("answers.4");
        assertThat(problems.get(0).message()).contains("criterion 4");
    }

    @Test
    void shouldNameABlankAnswer() {
        assertThat(fields(problems(filing -> Filings.answers(filing).put("7", "  \n ")))).containsExactly("answers.7");
    }

    @Test
    void shouldNameAnUnknownAnswerKey() {
        assertThat(fields(problems(filing -> Filings.answers(filing).put("10", "An answer to a criterion that does not exist."))))
                .containsExactly("answers.10");
    }

    @Test
    void shouldRequireAnswers() {
        assertThat(fields(problems(filing -> filing.remove("answers")))).containsExactly("answers");
    }

    @Test
    void shouldRequireARequester() {
        // the voucher vouches for a requester, so it must go too to isolate the rule
        List<FieldProblem> problems = problems(filing -> {
            filing.put("requesters", new ArrayList<>());
            filing.remove("vouchers");
        });

        assertThat(fields(problems)).containsExactly("requesters");
    }

    @Test
    void shouldRequireTheRequestersEmail() {
        List<FieldProblem> problems = problems(filing -> {
            requester(filing, 0).remove("email");
            filing.remove("vouchers");
        });

        assertThat(fields(problems)).containsExactly("requesters[0].email");
    }

    @Test
    void shouldRequireTheRequestersPublicKey() {
        assertThat(fields(problems(filing -> requester(filing, 0).put("publicKey", " "))))
                .containsExactly("requesters[0].publicKey");
    }

    @Test
    void shouldRejectABadEmail() {
        List<FieldProblem> problems = problems(filing -> {
            requester(filing, 0).put("email", "ann at example.org");
            filing.remove("vouchers");
        });

        assertThat(fields(problems)).containsExactly("requesters[0].email");
    }

    @Test
    void shouldRejectTheSameEmailTwiceWhateverItsCase() {
        List<FieldProblem> problems = problems(filing -> requesters(filing)
                .add(Filings.requester("Ann Again", "ANN@Example.org", "bob")));

        assertThat(fields(problems)).containsExactly("requesters[1].email");
        assertThat(problems.get(0).message()).contains("twice");
    }

    @Test
    void shouldRejectARoleNotInTheCatalogue() {
        assertThat(fields(problems(filing -> role(filing, 0).put("role", "A14")))).containsExactly("roles[0].role");
    }

    @Test
    void shouldRejectTheSameRoleTwice() {
        List<FieldProblem> problems = problems(filing -> roles(filing)
                .add(new LinkedHashMap<>(Map.of("role", "A1", "specifics", "Again, we will acknowledge reports."))));

        assertThat(fields(problems)).containsExactly("roles[1].role");
    }

    @Test
    void shouldTakeARoleWithoutSpecificsSinceTheSeedAsksForThemOnlyPreferably() {
        assertThat(fields(problems(filing -> role(filing, 0).remove("specifics")))).isEmpty();
        assertThat(fields(problems(filing -> role(filing, 0).put("specifics", "x".repeat(4001))))).containsExactly("roles[0].specifics");
    }

    @Test
    void shouldRequireTheCurrentPolicyVersion() {
        List<FieldProblem> problems = problems(filing -> policy(filing).put("version", "2012-01-01"));

        assertThat(fields(problems)).containsExactly("policy.version");
        assertThat(problems.get(0).message()).contains("2017-06-28");
    }

    @Test
    void shouldRequireThePolicyToBeAccepted() {
        assertThat(fields(problems(filing -> policy(filing).put("accepted", false)))).containsExactly("policy.accepted");
    }

    @Test
    void shouldRejectALatestReleaseInTheFuture() {
        assertThat(fields(problems(filing -> Filings.distro(filing).put("latestRelease", today.plusDays(1).toString()))))
                .containsExactly("distro.latestRelease");
    }

    @Test
    void shouldAcceptALatestReleaseOfToday() {
        assertThat(problems(filing -> Filings.distro(filing).put("latestRelease", today.toString()))).isEmpty();
    }

    @Test
    void shouldRejectATrackRecordFixDateInTheFuture() {
        assertThat(fields(problems(filing -> trackRecord(filing, 0).put("fixDate", today.plusDays(1).toString()))))
                .containsExactly("evidence.trackRecord[0].fixDate");
    }

    @Test
    void shouldRequireAnHttpsReference() {
        assertThat(fields(problems(filing -> trackRecord(filing, 0).put("reference", "http://example.org/security/ESA-1"))))
                .containsExactly("evidence.trackRecord[0].reference");
    }

    @Test
    void shouldRequireVouchersToVouchForARequester() {
        assertThat(fields(problems(filing -> voucher(filing, 0).put("vouchesFor", "someone@else.org"))))
                .containsExactly("vouchers[0].vouchesFor");
    }

    @Test
    void shouldMatchVouchesForWithoutRegardToCase() {
        assertThat(problems(filing -> voucher(filing, 0).put("vouchesFor", " ANN@example.org "))).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownListName() {
        List<FieldProblem> problems = problems(filing -> filing.put("list", "oss-security"));

        assertThat(fields(problems)).containsExactly("list");
    }

    @Test
    void shouldAcceptTheDistrosList() {
        assertThat(problems(filing -> filing.put("list", "distros"))).isEmpty();
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        List<FieldProblem> problems = problems(filing -> {
            filing.put("list", "nope");
            Filings.answers(filing).remove("1");
            policy(filing).put("accepted", false);
        });

        assertThat(fields(problems)).containsExactlyInAnyOrder("list", "answers.1", "policy.accepted");
    }

    private List<FieldProblem> problems(Consumer<Map<String, Object>> change) {
        Map<String, Object> filing = Filings.valid();
        change.accept(filing);
        return validator.validate(JSON.convertValue(filing, FilingRequest.class), today);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    private static List<Map<String, Object>> requesters(Map<String, Object> filing) {
        return (List<Map<String, Object>>) filing.get("requesters");
    }

    private static Map<String, Object> requester(Map<String, Object> filing, int i) {
        return requesters(filing).get(i);
    }

    private static List<Map<String, Object>> roles(Map<String, Object> filing) {
        return (List<Map<String, Object>>) filing.get("roles");
    }

    private static Map<String, Object> role(Map<String, Object> filing, int i) {
        return roles(filing).get(i);
    }

    private static Map<String, Object> policy(Map<String, Object> filing) {
        return (Map<String, Object>) filing.get("policy");
    }

    private static Map<String, Object> trackRecord(Map<String, Object> filing, int i) {
        return ((List<Map<String, Object>>) Filings.evidence(filing).get("trackRecord")).get(i);
    }

    private static Map<String, Object> voucher(Map<String, Object> filing, int i) {
        return ((List<Map<String, Object>>) filing.get("vouchers")).get(i);
    }
}
