package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void foldsCaseUmlautsAccentsAndPunctuation() {
        assertThat(TextFold.words("Müller-Lüdenscheidt: Straße à la «OZG 2.0»!"))
                .containsExactly("mueller", "luedenscheidt", "strasse", "a", "la", "ozg", "2", "0");
    }

    @Test
    void spelledOutAndDecomposedUmlautsFoldAlike() {
        String decomposed = "Mu\u0308ller";   // u + combining diaeresis
        assertThat(TextFold.words(decomposed)).isEqualTo(TextFold.words("Müller")).isEqualTo(TextFold.words("Mueller"));
    }

    @Test
    void markupAndEntitiesAreWordBreaks() {
        assertThat(TextFold.words("<p>Bund&amp;Länder <b>starten</b></p>")).containsExactly("bund", "laender", "starten");
    }

    @Test
    void significantWordsLeaveOutFunctionWords() {
        assertThat(TextFold.significantWords("Neue CIO für den Freistaat")).containsExactly("neue", "cio", "freistaat");
    }

    @Test
    void titleKeysIgnoreCaseSpacingAndPunctuationButNotWords() {
        assertThat(TextFold.titleKey("Sachsen:  Neue CIO für den Freistaat"))
                .isEqualTo(TextFold.titleKey("sachsen – neue CIO fuer den Freistaat."))
                .hasSize(16)
                .isNotEqualTo(TextFold.titleKey("Sachsen: Neuer CIO für den Freistaat"));
    }
}
