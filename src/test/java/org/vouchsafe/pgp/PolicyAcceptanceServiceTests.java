package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.problem.InvalidInputException;

@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:pgp;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PolicyAcceptanceService.class, SignatureService.class, CertificateInspector.class, PgpConfiguration.class,
        Catalogue.class})
class PolicyAcceptanceServiceTests {

    @Autowired
    PolicyAcceptanceService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    TestEntityManager entities;

    private final PolicyStatementInput input = fixtureInput();

    static PolicyStatementInput fixtureInput() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Fixtures.text("statement-input.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PolicyStatementInput(p.getProperty("policyVersion"), p.getProperty("list"),
                p.getProperty("distroName"), p.getProperty("requestId"), p.getProperty("personName"), p.getProperty("email"),
                p.getProperty("fingerprint"), LocalDate.parse(p.getProperty("date")));
    }

    @BeforeEach
    void request() {
        PgpTestSupport.insertRequest(jdbc, input.requestId());
    }

    @Test
    void shouldRenderExactlyTheStatementTheFixturesSigned() {
        assertThat(service.statement(input)).isEqualTo(Fixtures.text("statement.txt"));
    }

    @Test
    void shouldPutTheHeaderThenABlankLineThenThePolicyTextVerbatim() {
        String statement = service.statement(input);

        String[] parts = statement.split("\n\n", 2);
        assertThat(parts[1]).isEqualTo(catalogue.policy("2017-06-28").orElseThrow().text());
        assertThat(parts[0].lines()).containsExactly(
                "Vouchsafe: acceptance of the (linux-)distros list policy",
                "List: linux-distros",
                "Request: " + input.requestId(),
                "Distro: Example Linux",
                "Person: Ann Example <ann@example.org>",
                "Key fingerprint: " + input.fingerprint(),
                "Policy version: 2017-06-28",
                "Date: 2026-11-27",
                "By signing this text I accept the list policy below, in full and as published, on behalf of the "
                        + "distro above.");
        assertThat(statement).doesNotContain("\r").endsWith("this is TLP:WHITE.\n");
    }

    @Test
    void shouldRefuseASignatureOverTheOldParaphraseSayingToFetchTheCurrentStatement() {
        SignatureVerification verification = service.record(input, Fixtures.publicKey("ann"),
                Fixtures.text("keys/statement-paraphrase.ann.sig.asc"), Fixtures.NOW);

        assertThat(verification.code()).isEqualTo(SignatureVerification.Code.TEXT_ALTERED);
        assertThat(verification.message()).contains("does not cover the current statement",
                "earlier statement (which summarised the policy)",
                "GET /api/catalogue/policy/statement?request=" + input.requestId() + "&requester=" + input.fingerprint());
        assertThat(jdbc.queryForObject("select count(*) from policy_signature", Integer.class)).isZero();
    }

    @Test
    void shouldKeepTheSha256OfExactlyTheBytesSigned() throws Exception {
        SignatureVerification verification = service.record(input, Fixtures.publicKey("ann"),
                Fixtures.text("keys/statement-crlf.ann.sig.asc"), Fixtures.NOW);
        assertThat(verification.valid()).as(verification.message()).isTrue();
        entities.flush();

        String crlf = Fixtures.text("statement.txt").replace("\n", "\r\n");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject("select signed_text_sha256 from policy_signature", String.class))
                .isEqualTo(expected);
        assertThat(service.criterion6(input.requestId(), "2017-06-28", List.of(input.fingerprint())).reasons())
                .singleElement().asString().contains("2017-06-28", expected);
    }

    @Test
    void shouldNotCountASignatureOverTheParaphraseKeptFromBeforeAndReplaceItWhenTheStatementIsSigned() {
        // a row recorded before the statement carried the policy text: no hash
        jdbc.update("insert into policy_signature (id, request_id, fingerprint, policy_version, signed_text, signature, "
                + "signed_at, verified_at) values ('old', ?, ?, '2017-06-28', ?, ?, current_timestamp, current_timestamp)",
                input.requestId(), input.fingerprint(), Fixtures.text("statement-paraphrase.txt"),
                Fixtures.text("keys/statement-paraphrase.ann.sig.asc"));

        assertThat(service.signedFingerprints(input.requestId(), "2017-06-28")).isEmpty();
        assertThat(service.acceptances(input.requestId(), "2017-06-28").paraphraseOnly())
                .containsExactly(input.fingerprint());
        assertThat(service.criterion6(input.requestId(), "2017-06-28", List.of(input.fingerprint())).outcome())
                .isEqualTo(CheckOutcome.PENDING);

        service.record(input, Fixtures.publicKey("ann"), Fixtures.text("keys/statement.ann.sig.asc"), Fixtures.NOW);
        entities.flush();

        assertThat(jdbc.queryForObject("select count(*) from policy_signature", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select signed_text from policy_signature", String.class))
                .isEqualTo(Fixtures.text("statement.txt"));
        assertThat(service.criterion6(input.requestId(), "2017-06-28", List.of(input.fingerprint())).outcome())
                .isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldRefuseAnUnknownPolicyVersion() {
        PolicyStatementInput unknown = new PolicyStatementInput("1999-01-01", input.list(), input.distroName(),
                input.requestId(), input.personName(), input.email(), input.fingerprint(), input.date());

        assertThatThrownBy(() -> service.statement(unknown)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(org.vouchsafe.problem.FieldProblem::field).containsExactly("policyVersion"));
    }

    @Test
    void shouldRefuseFieldsThatWouldForgeStatementLines() {
        PolicyStatementInput forged = new PolicyStatementInput("2017-06-28", "linux-distros",
                "Example\nPolicy version: 1999-01-01",
                input.requestId(), "Ann", "ann@example.org", input.fingerprint(), input.date());

        assertThatThrownBy(() -> service.statement(forged)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(org.vouchsafe.problem.FieldProblem::field).containsExactly("distroName"));
    }

    @Test
    void shouldRecordVerifiedAcceptanceAndPassCriterion6() {
        SignatureVerification verification = service.record(input, Fixtures.publicKey("ann"),
                Fixtures.text("keys/statement.ann.clearsigned.asc"), Fixtures.NOW);

        assertThat(verification.valid()).isTrue();
        assertThat(service.criterion6(input.requestId(), "2017-06-28", List.of(input.fingerprint())).outcome())
                .isEqualTo(CheckOutcome.PASS);
        // only the signed bytes and the bare signature are kept, not the clear-signed envelope
        assertThat(jdbc.queryForObject("select signed_text from policy_signature", String.class))
                .isEqualTo(Fixtures.text("statement.txt").stripTrailing());
        assertThat(jdbc.queryForObject("select signature from policy_signature", String.class))
                .doesNotContain("SIGNED MESSAGE");
    }

    @Test
    void shouldKeepTheFirstRecordWhenTheSameAcceptanceArrivesTwice() {
        service.record(input, Fixtures.publicKey("ann"), Fixtures.text("keys/statement.ann.sig.asc"), Fixtures.NOW);
        service.record(input, Fixtures.publicKey("ann"), Fixtures.text("keys/statement.ann.textmode.sig.asc"),
                Fixtures.NOW);

        assertThat(jdbc.queryForObject("select count(*) from policy_signature", Integer.class)).isOne();
    }

    @Test
    void shouldNotRecordASignatureByAnotherKey() {
        SignatureVerification verification = service.record(input, Fixtures.publicKey("ann"),
                Fixtures.text("corpus/sig-by-other-key.asc"), Fixtures.NOW);

        assertThat(verification.code()).isEqualTo(SignatureVerification.Code.WRONG_KEY);
        assertThat(jdbc.queryForObject("select count(*) from policy_signature", Integer.class)).isZero();
    }

    @Test
    void shouldStayPendingNamingTheKeysThatHaveNotSignedTheCurrentVersion() {
        service.record(input, Fixtures.publicKey("ann"), Fixtures.text("keys/statement.ann.sig.asc"), Fixtures.NOW);
        String bob = Fixtures.fingerprint("bob");

        var result = service.criterion6(input.requestId(), "2017-06-28", List.of(input.fingerprint(), bob));
        var newVersion = service.criterion6(input.requestId(), "2027-01-01", List.of(input.fingerprint()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(result.reasons()).singleElement().asString().contains(bob);
        assertThat(newVersion.outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(newVersion.reasons()).singleElement().asString().contains(input.fingerprint(), "2027-01-01");
    }
}
