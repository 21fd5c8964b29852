package org.vouchsafe.markup;

/**
 * Escapes text for the markup we write by hand: XML 1.0 element content and attribute values
 * (quoted with either {@code "} or {@code '}), which covers SVG and HTML text as well.
 * <p>
 * Names, comments and labels in our pictures come from strangers, so every text goes through
 * {@link #escape(String)}: the five characters that could end a text or an attribute become
 * entities, and characters XML 1.0 does not allow at all (C0 controls other than tab, line feed
 * and carriage return, unpaired surrogates, U+FFFE and U+FFFF) are dropped, because a single one
 * makes the whole document unreadable to an XML parser.
 */
public final class Markup {

    private Markup() {
    }

    /** The text, safe for XML content and quoted attribute values; {@code null} is the empty text. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowedInXml(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * XML 1.0's {@code Char} production. An unpaired surrogate reaches here as its own code point
     * (D800–DFFF) and falls outside every range, so it is dropped too.
     */
    private static boolean allowedInXml(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
