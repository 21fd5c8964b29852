package org.vouchsafe.catalogue;

/** A version of the list policy that members accept (criterion 6). */
public record PolicyVersion(String version, String text, boolean current, String source) {
}
