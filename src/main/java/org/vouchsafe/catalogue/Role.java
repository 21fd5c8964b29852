package org.vouchsafe.catalogue;

/**
 * A contributing-back role a member distro can take: {@code T1}–{@code T5} technical,
 * {@code A1}–{@code A13} administrative, in the seed's order and wording.
 */
public record Role(String id, Kind kind, String title, String text) {

    /** Technical roles help fix issues; administrative ones keep the list's process running. */
    public enum Kind { TECHNICAL, ADMINISTRATIVE }
}
