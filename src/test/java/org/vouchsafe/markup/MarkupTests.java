package org.vouchsafe.markup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupTests {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTurnTheFiveMarkupCharactersIntoEntities() {
        assertThat(Markup.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void shouldDropControlCharactersXmlDoesNotAllowAndKeepTabsAndLineBreaks() {
        assertThat(Markup.escape("a\u0000b\u0007c\u000Bd\u000Ce\u001Bf\u007Fg"))
                .isEqualTo("abcdef\u007Fg");
        assertThat(Markup.escape("one\ttwo\nthree\r\nfour")).isEqualTo("one\ttwo\nthree\r\nfour");
    }

    @Test
    void shouldDropUnpairedSurrogatesAndNonCharactersButKeepCharactersBeyondTheBasicPlane() {
        assertThat(Markup.escape("key \uD83D\uDD11 ok")).isEqualTo("key \uD83D\uDD11 ok");
        assertThat(Markup.escape("half \uD83D and \uDD11 half")).isEqualTo("half  and  half");
        assertThat(Markup.escape("x\uFFFEy\uFFFFz\uFFFD")).isEqualTo("xyz\uFFFD");
    }

    @Test
    void shouldReadNothingIntoAMissingText() {
        assertThat(Markup.escape(null)).isEmpty();
        assertThat(Markup.escape("")).isEmpty();
    }

    @Test
    void shouldKeepAStrangersNameInsideTheSvgAttributeItWasWrittenInto() throws Exception {
        String name = "Mallory\" onload=\"alert(1)\" x='\u0001<g>&amp;";

        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text aria-label=\"" + Markup.escape(name)
                + "\" data-x='" + Markup.escape(name) + "'>" + Markup.escape(name) + "</text></svg>";

        Document doc = parse(svg);
        Element text = (Element) doc.getDocumentElement().getFirstChild();
        assertThat(text.getAttributes().getLength()).isEqualTo(2);
        assertThat(text.hasAttribute("onload")).isFalse();
        String withoutControl = "Mallory\" onload=\"alert(1)\" x='<g>&amp;";
        assertThat(text.getAttribute("aria-label")).isEqualTo(withoutControl);
        assertThat(text.getAttribute("data-x")).isEqualTo(withoutControl);
        assertThat(text.getTextContent()).isEqualTo(withoutControl);
        assertThat(text.getChildNodes().getLength()).isEqualTo(1);
    }
}
