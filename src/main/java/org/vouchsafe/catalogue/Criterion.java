package org.vouchsafe.catalogue;

/** One of the nine membership criteria: its number, a short title and the admin's full wording. */
public record Criterion(int number, String title, String text) {
}
