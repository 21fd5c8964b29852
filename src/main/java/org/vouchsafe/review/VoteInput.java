package org.vouchsafe.review;

import java.util.Map;

/** Body of {@code POST /api/requests/{id}/votes}. */
public record VoteInput(String vote, String comment, Map<String, String> criteria) {
}
