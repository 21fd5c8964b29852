package org.vouchsafe.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Criterion;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import org.vouchsafe.criteria.RequestCriterion;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.MembershipRequest;

/** The request as the plain-text oss-security posting a distro would send. */
@SuppressWarnings("unchecked")
class ThreadRendererTests {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final Catalogue catalogue = new Catalogue();
    private final ThreadRenderer renderer = new ThreadRenderer(catalogue);

    private MembershipRequest request;
    private List<RequestCriterion> answers;

    @BeforeEach
    void aFiledRequest() {
        Map<String, Object> filing = Filings.valid("Example Linux");
        ((List<Map<String, Object>>) filing.get("requesters")).add(Filings.requester("Bob Example", "bob@example.org", "bob"));
        ((List<Map<String, Object>>) filing.get("roles")).add(new LinkedHashMap<>(Map.of("role", "T2",
                "specifics", "We will write and test patches for issues in packages we maintain.")));
        request = FilingService.toRequest(JSON.convertValue(filing, FilingRequest.class), "applicant",
                Instant.parse("2026-11-27T10:00:00Z"));
        request.getRequesters().get(0).setFingerprint("0123456789abcdef0123456789abcdef01234567");
        answers = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            answers.add(new RequestCriterion(request.getId(), n, "Answer " + n + "."));
        }
    }

    @Test
    void shouldStartWithTheSubjectLine() {
        String thread = renderer.render(request, answers);

        assertThat(thread).startsWith("Subject: [oss-security] linux-distros membership request: Example Linux\n\n");
    }

    @Test
    void shouldIntroduceTheDistroWithHomepageAndOrganization() {
        // wrapped at 72 columns, so compare the words
        assertThat(renderer.render(request, answers).replace('\n', ' ')).contains("Example Linux (https://example.org), maintained by "
                + "Example Foundation, asks to join the linux-distros list.");
    }

    @Test
    void shouldListEveryCriterionTitleWithItsAnswer() {
        String thread = renderer.render(request, answers);

        for (Criterion criterion : catalogue.criteria()) {
            assertThat(thread).contains("\n" + criterion.number() + ". " + criterion.title() + "\n\n   Answer "
                    + criterion.number() + ".\n");
        }
    }

    @Test
    void shouldKeepTheCriteriaInOrder() {
        String thread = renderer.render(request, answers);

        int previous = -1;
        for (Criterion criterion : catalogue.criteria()) {
            int at = thread.indexOf(criterion.number() + ". " + criterion.title());
            assertThat(at).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void shouldWrapLongAnswersAtSeventyTwoColumns() {
        answers.set(0, new RequestCriterion(request.getId(), 1, "word ".repeat(60).trim()));

        String thread = renderer.render(request, answers);

        assertThat(thread.lines()).allSatisfy(line -> {
            if (line.startsWith("   word")) {
                assertThat(line.length()).isLessThanOrEqualTo(72);
            }
        });
        assertThat(thread.lines().filter(line -> line.startsWith("   word"))).hasSizeGreaterThan(1);
    }

    @Test
    void shouldListTheRequestersWithKeyFingerprints() {
        String thread = renderer.render(request, answers);

        assertThat(thread).contains("People to subscribe:\n\n"
                + "- Ann Example <ann@example.org>, Example Foundation\n"
                + "  OpenPGP key: 0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567\n"
                + "- Bob Example <bob@example.org>, Example Foundation\n"
                + "  OpenPGP key: (not yet parsed)\n");
    }

    @Test
    void shouldListTheRolesWithTheirCatalogueTitles() {
        String thread = renderer.render(request, answers);

        String a1 = catalogue.role("A1").orElseThrow().title();
        String t2 = catalogue.role("T2").orElseThrow().title();
        assertThat(thread).contains("Roles we commit to:\n\n- A1 (" + a1 + "): We will confirm");
        assertThat(thread).contains("\n- T2 (" + t2 + "): We will write");
    }

    @Test
    void shouldSayNoneWithoutRoles() {
        request.getRoles().clear();

        assertThat(renderer.render(request, answers)).contains("Roles we commit to:\n\n- (none)\n");
    }

    @Test
    void shouldListANamedVoucherAsNamedWhileNoVouchIsMade() {
        assertThat(renderer.render(request, answers))
                .contains("Vouchers:\n\n- named as voucher: Val Voucher <val@other.org>, for ann@example.org (no vouch yet)\n")
                .doesNotContain("> vouches for");
    }

    @Test
    void shouldSayVouchesForOnceTheVouchIsMade() {
        String thread = renderer.render(request, answers,
                List.of(new ThreadRenderer.MadeVouch("Val Voucher", "val@other.org", "ann@example.org", false)));

        assertThat(thread).contains("Vouchers:\n\n- Val Voucher <val@other.org> vouches for ann@example.org\n")
                .doesNotContain("named as voucher");
    }

    @Test
    void shouldListAVouchBySomeoneNotNamedAndSayWhenItAwaitsConfirmation() {
        String thread = renderer.render(request, answers,
                List.of(new ThreadRenderer.MadeVouch("Ann Example", "ann@example.org", "bob@example.org", false),
                        new ThreadRenderer.MadeVouch("Vic Veteran", "vic@oss.example", "ann@example.org", true)));

        assertThat(thread).contains("- named as voucher: Val Voucher <val@other.org>, for ann@example.org (no vouch yet)\n"
                + "- Ann Example <ann@example.org> vouches for bob@example.org\n"
                + "- Vic Veteran <vic@oss.example> vouches for ann@example.org (a list admin has yet to confirm the "
                + "voucher's evidence)\n");
    }

    @Test
    void shouldEndWithThePolicyLine() {
        assertThat(renderer.render(request, answers)).endsWith("\nWe accept the list policy, version 2017-06-28.\n");
    }
}
