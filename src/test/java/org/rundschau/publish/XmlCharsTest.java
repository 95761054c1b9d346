package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

    @Test
    void stripsC0ControlsButKeepsTabAndLineFeed() {
        assertThat(XmlChars.text("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Bg\u001Fh\ti\nj")).isEqualTo("abcdefgh\ti\nj");
    }

    @Test
    void turnsCarriageReturnsIntoLineFeedsAsAParserWould() {
        assertThat(XmlChars.text("eins\r\nzwei\rdrei\n\rvier")).isEqualTo("eins\nzwei\ndrei\n\nvier");
    }

    @Test
    void stripsLoneSurrogatesAndNonCharacters() {
        assertThat(XmlChars.text("a\uD800b\uDC00c\uDBFF")).isEqualTo("abc");
        assertThat(XmlChars.text("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
    }

    @Test
    void keepsUmlautsTypographicQuotesAndCharactersBeyondTheBasicPlane() {
        String text = "Thüringen „Aufenthalt“ – 🔮 \uE000 \uFFFD";

        assertThat(XmlChars.text(text)).isEqualTo(text);
    }

    @Test
    void attributeValuesHaveSpacesForTabsAndLineBreaks() {
        assertThat(XmlChars.attribute("Kreis\tRecklinghausen\r\nNord\u0007")).isEqualTo("Kreis Recklinghausen Nord");
    }
}
