package org.vouchsafe.review;

import java.time.Instant;

/**
 * A reviewer's vote was recorded (in the transaction that stores it), with the round's votes
 * counted after it. Published by {@link ReviewService#recordVote}, the one place a vote is taken.
 */
public record VoteCast(String requestId, int round, String reviewer, VoteChoice vote, Tally tally, Instant at) {
}
