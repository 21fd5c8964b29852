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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.problem.InvalidInputException;

@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:pgp;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PolicyAcceptanceService.class, SignatureService.class, CertificateInspector.class, PgpConfiguration.class})
class PolicyAcceptanceServiceTests {

    @Autowired
    PolicyAcceptanceService service;

    @Autowired
    JdbcTemplate jdbc;

    private final PolicyStatementInput input = fixtureInput();

    static PolicyStatementInput fixtureInput() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Fixtures.text("statement-input.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PolicyStatementInput(p.getProperty("policyVersion"), p.getProperty("distroName"),
                p.getProperty("requestId"), p.getProperty("personName"), p.getProperty("email"),
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
    void shouldRefuseFieldsThatWouldForgeStatementLines() {
        PolicyStatementInput forged = new PolicyStatementInput("2017-06-28", "Example\nPolicy version: 1999-01-01",
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
