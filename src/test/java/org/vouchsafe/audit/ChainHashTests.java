package org.vouchsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChainHashTests {

    private static final Instant AT = Instant.parse("2026-11-03T10:15:30.123456Z");
    private static final String PREV = AuditHead.GENESIS_HASH;

    @Test
    void shouldBeAStableHexSha256() {
        String hash = ChainHash.of(1, "id", AT, "alice", "REQUEST_FILED", "r", "s", "{}", true, PREV);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(ChainHash.of(1, "id", AT, "alice", "REQUEST_FILED", "r", "s", "{}", true, PREV)).isEqualTo(hash);
    }

    @Test
    void shouldNotConfuseShiftedFieldBoundaries() {
        String a = ChainHash.of(1, "id", AT, "ab", "VOTE_CAST", "r", "c", "{}", false, PREV);
        String b = ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "r", "bc", "{}", false, PREV);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldTellANullRequestFromAnEmptyOne() {
        String absent = ChainHash.of(1, "id", AT, "a", "VOTE_CAST", null, "s", "{}", false, PREV);
        String empty = ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "", "s", "{}", false, PREV);

        assertThat(absent).isNotEqualTo(empty);
    }

    @Test
    void shouldDependOnEveryColumn() {
        String base = ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "r", "s", "{}", false, PREV);

        assertThat(ChainHash.of(2, "id", AT, "a", "VOTE_CAST", "r", "s", "{}", false, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id2", AT, "a", "VOTE_CAST", "r", "s", "{}", false, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id", AT.plusNanos(1000), "a", "VOTE_CAST", "r", "s", "{}", false, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id", AT, "a", "DECISION_RECORDED", "r", "s", "{}", false, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "r", "s", "{\"k\":\"v\"}", false, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "r", "s", "{}", true, PREV)).isNotEqualTo(base);
        assertThat(ChainHash.of(1, "id", AT, "a", "VOTE_CAST", "r", "s", "{}", false, "1" + PREV.substring(1))).isNotEqualTo(base);
    }

    @Test
    void shouldCountTimeInMicroseconds() {
        assertThat(ChainHash.epochMicros(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
    }
}
