package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Baden-Württemberg | baden-wuerttemberg",
            "Thüringen | thueringen",
            "Köln | koeln",
            "Gießen | giessen",
            "ÄÖÜ äöü | aeoeue-aeoeue",
            "Kreis Recklinghausen | kreis-recklinghausen",
            "Rhein-Sieg-Kreis | rhein-sieg-kreis",
            "  Frankfurt am Main  | frankfurt-am-main",
            "Saint-Étienne | saint-etienne",
            "Île-de-France | ile-de-france",
            "Łódź | lodz",
            "Halle (Saale) | halle-saale",
            "../../etc/passwd | etc-passwd",
            "<script>alert(1)</script> | script-alert-1-script",
            "Region_42 / Nord | region-42-nord",
            "Stufe² ﬁnal | stufe2-final"})
    void spellsOutUmlautsAndJoinsWordsWithDashes(String text, String slug) {
        assertThat(Slugs.slug(text)).isEqualTo(slug);
    }

    @Test
    void decomposedUmlautsAreSpelledOutLikeComposedOnes() {
        assertThat(Slugs.slug("Thu\u0308ringen")).isEqualTo("thueringen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "東京", "Ελλάδα", "\u0000\uD800", "-"})
    void textWithoutLatinLettersGetsAStableHashedName(String text) {
        String slug = Slugs.slug(text);

        assertThat(slug).matches("x-[0-9a-f]{8}").isEqualTo(Slugs.slug(text));
    }

    @Test
    void differentUnspellableTextsGetDifferentNames() {
        assertThat(Slugs.slug("東京")).isNotEqualTo(Slugs.slug("大阪"));
    }

    @Test
    void longTextIsCutWithoutATrailingDash() {
        String slug = Slugs.slug("Landkreis " + "Vorpommern-Greifswald ".repeat(10));

        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-").startsWith("landkreis-vorpommern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baden-Württemberg", "a--b", "--x--", "Ölpreis: 3 € / Liter!", "\t\n", "Ǆ ǅ ǆ ﬁ ™"})
    void slugsHoldOnlyLowercaseLettersDigitsAndInnerDashes(String text) {
        assertThat(Slugs.slug(text)).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
