package org.vouchsafe.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.openpgp.api.EncryptedDataPacketType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:pgp;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ChallengeService.class, CertificateInspector.class, PgpConfiguration.class, PgpTestSupport.FixedClock.class})
class ChallengeServiceTests {

    private static final String REQUEST = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER_REQUEST = "22222222-2222-2222-2222-222222222222";
    private static final Duration VALIDITY = Duration.ofDays(14);
    private static final Instant LATER = Fixtures.NOW.plusSeconds(3600);

    @Autowired
    ChallengeService service;

    @Autowired
    JdbcTemplate jdbc;

    private final String ann = Fixtures.fingerprint("ann");

    @BeforeEach
    void requests() {
        PgpTestSupport.insertRequest(jdbc, REQUEST);
        PgpTestSupport.insertRequest(jdbc, OTHER_REQUEST);
    }

    private Challenge issueToAnn() {
        return service.issue(REQUEST, "ann@example.org", Fixtures.publicKey("ann"), VALIDITY);
    }

    @Test
    void shouldIssueChallengeTheRequesterDecryptsWithSeipdV1AndAnswers() {
        // given
        Challenge challenge = issueToAnn();
        PgpTestSupport.Decrypted decrypted = PgpTestSupport.decryptAs("ann", challenge.getArmoredMessage());
        String code = PgpTestSupport.code(decrypted.text());

        // when
        ChallengeAnswerResult result = service.answer(REQUEST, ann, code, LATER);

        // then
        assertThat(result.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.CORRECT);
        assertThat(service.find(REQUEST, ann)).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo(ChallengeStatus.ANSWERED);
            assertThat(c.getAnsweredAt()).isEqualTo(LATER);
        });
        // GnuPG 2.2 reads SEIPD v1 only
        assertThat(decrypted.result().getEncryptionMethod().getMode()).isEqualTo(EncryptedDataPacketType.SEIPDv1);
        assertThat(decrypted.text()).contains(REQUEST, ann, "ann@example.org");
        assertThat(challenge.getExpiresAt()).isEqualTo(Fixtures.NOW.plus(VALIDITY));
        // the secret is stored only as its hash
        assertThat(challenge.getAnswerHash()).isNotEqualTo(code);
        assertThat(jdbc.queryForObject("select count(*) from pgp_challenge where answer_hash = ? or armored_message "
                + "like ?", Integer.class, code, "%" + code + "%")).isZero();
    }

    @Test
    void shouldIssueChallengeToGnupgRsaKey() {
        Challenge challenge = service.issue(REQUEST, "bob@example.org", Fixtures.publicKey("bob"), VALIDITY);

        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("bob", challenge.getArmoredMessage()).text());

        assertThat(service.answer(REQUEST, Fixtures.fingerprint("bob"), code, LATER).accepted()).isTrue();
    }

    @Test
    void shouldReturnTheSameChallengeWhenIssuedAgainForTheSameKey() {
        Challenge first = issueToAnn();

        Challenge again = issueToAnn();

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getArmoredMessage()).isEqualTo(first.getArmoredMessage());
    }

    @Test
    void shouldGiveEachChallengeAFreshSecret() {
        Challenge one = issueToAnn();
        Challenge two = service.issue(OTHER_REQUEST, "ann@example.org", Fixtures.publicKey("ann"), VALIDITY);

        assertThat(PgpTestSupport.code(PgpTestSupport.decryptAs("ann", one.getArmoredMessage()).text()))
                .isNotEqualTo(PgpTestSupport.code(PgpTestSupport.decryptAs("ann", two.getArmoredMessage()).text()));
    }

    @Test
    void shouldAcceptAnswerWithSurroundingWhitespaceAndUpperCase() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());

        ChallengeAnswerResult result = service.answer(REQUEST, ann.toLowerCase(), "\r\n  " + code.toUpperCase() + "\n",
                LATER);

        assertThat(result.accepted()).isTrue();
    }

    @Test
    void shouldTakeTheCodeFromTheWholeDecryptedTextPasted() {
        String decrypted = PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text();

        ChallengeAnswerResult result = service.answer(REQUEST, ann, decrypted, LATER);

        assertThat(result.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.CORRECT);
    }

    @Test
    void shouldTakeTheCodeFromGpgOutputWithTheArmoredMessageAroundIt() {
        Challenge challenge = issueToAnn();
        String decrypted = PgpTestSupport.decryptAs("ann", challenge.getArmoredMessage()).text();
        String pasted = "$ gpg --decrypt challenge.asc\n" + challenge.getArmoredMessage()
                + "gpg: encrypted with 255-bit ECDH key, ID 0123456789ABCDEF, created 2026-11-27\n"
                + "      \"Ann Example <ann@example.org>\"\n" + decrypted.toUpperCase().replace("\n", "\r\n");

        assertThat(service.answer(REQUEST, ann, pasted, LATER).accepted()).isTrue();
    }

    @Test
    void shouldCountAnAnswerWithSeveralCodesAsWrongWithoutTryingThem() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());

        ChallengeAnswerResult guesses = service.answer(REQUEST, ann, "00".repeat(32) + "\n" + code, LATER);

        assertThat(guesses.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.WRONG);
        assertThat(guesses.wrongAnswers()).isEqualTo(1);
        assertThat(guesses.message()).contains("2 different codes", "Paste the code only");
        assertThat(service.find(REQUEST, ann).orElseThrow().getStatus()).isEqualTo(ChallengeStatus.OPEN);
    }

    @Test
    void shouldCountAnAnswerWithoutACodeAsWrongSayingToPasteTheCode() {
        issueToAnn();

        ChallengeAnswerResult none = service.answer(REQUEST, ann, "I decrypted it, honestly. " + "ab".repeat(33), LATER);

        assertThat(none.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.WRONG);
        assertThat(none.wrongAnswers()).isEqualTo(1);
        assertThat(none.message()).contains("no code of 64 hexadecimal digits", "Paste the code only");
    }

    @Test
    void shouldFindOnlyWholeRunsOfSixtyFourDigitsAndNotTheKeysOwnFingerprint() {
        String code = "0123456789abcdef".repeat(4);
        String v6Fingerprint = "FEDCBA9876543210".repeat(4);

        assertThat(ChallengeService.codesIn("Key fingerprint: " + v6Fingerprint + "\n" + code.toUpperCase() + "\n"
                + code + " again", v6Fingerprint)).containsExactly(code);
        assertThat(ChallengeService.codesIn(code + "0", null)).isEmpty();
        assertThat(ChallengeService.codesIn("-----BEGIN PGP MESSAGE-----\n\n" + code + "\n-----END PGP MESSAGE-----\n",
                null)).isEmpty();
    }

    @Test
    void shouldCountWrongAnswersAndFailOnTheFifth() {
        issueToAnn();

        for (int i = 1; i <= 4; i++) {
            ChallengeAnswerResult wrong = service.answer(REQUEST, ann, "00".repeat(32), LATER);
            assertThat(wrong.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.WRONG);
            assertThat(wrong.remainingAttempts()).isEqualTo(5 - i);
        }
        ChallengeAnswerResult fifth = service.answer(REQUEST, ann, "00".repeat(32), LATER);

        assertThat(fifth.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.FAILED);
        assertThat(fifth.status()).isEqualTo(ChallengeStatus.FAILED);
    }

    @Test
    void shouldRefuseEvenTheRightAnswerOnceFailed() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());
        for (int i = 0; i < 5; i++) {
            service.answer(REQUEST, ann, "wrong", LATER);
        }

        assertThat(service.answer(REQUEST, ann, code, LATER).outcome())
                .isEqualTo(ChallengeAnswerResult.Outcome.ALREADY_FAILED);
    }

    @Test
    void shouldRefuseAReplayedAnswer() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());
        service.answer(REQUEST, ann, code, LATER);

        ChallengeAnswerResult replay = service.answer(REQUEST, ann, code, LATER);

        assertThat(replay.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.ALREADY_ANSWERED);
        assertThat(replay.accepted()).isFalse();
    }

    @Test
    void shouldCountAnotherRequestersAnswerAsWrong() {
        issueToAnn();
        Challenge carols = service.issue(REQUEST, "carol@other.org", Fixtures.publicKey("carol"), VALIDITY);
        String carolsCode = PgpTestSupport.code(PgpTestSupport.decryptAs("carol", carols.getArmoredMessage()).text());

        ChallengeAnswerResult result = service.answer(REQUEST, ann, carolsCode, LATER);

        assertThat(result.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.WRONG);
        assertThat(result.wrongAnswers()).isEqualTo(1);
    }

    @Test
    void shouldCountAnAnswerFromAnotherRequestAsWrong() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());
        service.issue(OTHER_REQUEST, "ann@example.org", Fixtures.publicKey("ann"), VALIDITY);

        assertThat(service.answer(OTHER_REQUEST, ann, code, LATER).outcome())
                .isEqualTo(ChallengeAnswerResult.Outcome.WRONG);
    }

    @Test
    void shouldRefuseAnswerAfterExpiryEvenBeforeTheTimerRan() {
        String code = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());

        ChallengeAnswerResult late = service.answer(REQUEST, ann, code, Fixtures.NOW.plus(VALIDITY));

        assertThat(late.outcome()).isEqualTo(ChallengeAnswerResult.Outcome.EXPIRED);
        assertThat(service.find(REQUEST, ann).orElseThrow().getStatus()).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void shouldRefuseMalformedAnswersWithoutCountingThem() {
        issueToAnn();

        assertThat(service.answer(REQUEST, ann, "  \n", LATER).outcome())
                .isEqualTo(ChallengeAnswerResult.Outcome.MALFORMED);
        assertThat(service.answer(REQUEST, ann, null, LATER).outcome())
                .isEqualTo(ChallengeAnswerResult.Outcome.MALFORMED);
        assertThat(service.answer(REQUEST, ann, "a".repeat(10 * 1024 * 1024), LATER).outcome())
                .isEqualTo(ChallengeAnswerResult.Outcome.MALFORMED);
        assertThat(service.find(REQUEST, ann).orElseThrow().getWrongAnswers()).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAKeyWithoutChallenge() {
        assertThatThrownBy(() -> service.answer(REQUEST, Fixtures.fingerprint("carol"), "x", LATER))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRefuseToIssueToAnUnhealthyKey() {
        assertThatThrownBy(() -> service.issue(REQUEST, "signonly@example.org",
                Fixtures.text("corpus/key-signing-only.asc"), VALIDITY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NO_ENCRYPTION_SUBKEY");
    }

    @Test
    void shouldReportCriterion8PendingThenPass() {
        assertThat(service.criterion8(REQUEST).outcome()).isEqualTo(CheckOutcome.PENDING);
        String annsCode = PgpTestSupport.code(PgpTestSupport.decryptAs("ann", issueToAnn().getArmoredMessage()).text());
        Challenge carols = service.issue(REQUEST, "carol@other.org", Fixtures.publicKey("carol"), VALIDITY);
        service.answer(REQUEST, ann, annsCode, LATER);

        assertThat(service.criterion8(REQUEST).outcome()).isEqualTo(CheckOutcome.PENDING);
        assertThat(service.criterion8(REQUEST).reasons()).singleElement().asString().contains("carol@other.org");

        service.answer(REQUEST, carols.getFingerprint(),
                PgpTestSupport.code(PgpTestSupport.decryptAs("carol", carols.getArmoredMessage()).text()), LATER);

        assertThat(service.criterion8(REQUEST).outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void shouldFailCriterion8NamingWhoLetTheChallengeExpire() {
        issueToAnn();
        service.issue(REQUEST, "carol@other.org", Fixtures.publicKey("carol"), VALIDITY);

        int expired = service.expire(REQUEST);

        assertThat(expired).isEqualTo(2);
        assertThat(service.criterion8(REQUEST).outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(service.criterion8(REQUEST).reasons()).anySatisfy(r -> assertThat(r).contains("ann@example.org"))
                .anySatisfy(r -> assertThat(r).contains("carol@other.org"));
    }

    @Test
    void shouldFailCriterion8NamingWhoFailed() {
        issueToAnn();
        for (int i = 0; i < 5; i++) {
            service.answer(REQUEST, ann, "wrong", LATER);
        }

        assertThat(service.criterion8(REQUEST).outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(service.criterion8(REQUEST).reasons()).singleElement().asString()
                .contains("ann@example.org", "5 wrong answers");
    }
}
