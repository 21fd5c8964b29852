package org.vouchsafe.members;

/**
 * A contribution as recorded: {@code role} a catalogue id ({@code T1}–{@code T5}, {@code A1}–{@code A13})
 * or {@code OTHER}; {@code date} ISO (not in the future); {@code reference} a link or a list thread
 * id (at most 300 characters); {@code summary} one sentence (at most 280). References only: no
 * embargoed content.
 */
public record ContributionInput(String role, String date, String reference, String summary) {
}
