package org.rundschau.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeTest {

    @ParameterizedTest
    @CsvSource({
            "'don\u0092t', 'don’t'",                       // windows-1252 quote as a C1 control
            "'\u0093Zitat\u0094 \u0080 5', '“Zitat” € 5'",
            "'\u00e2\u0080\u00a6', '…'",                    // UTF-8 of … read as Latin-1
            "'Gr\u00c3\u00bc\u00c3\u009fe', 'Grüße'",
            "'\u0081', '\u0081'",                          // undefined in windows-1252: left alone
            "'Digitalisierung â€“ was jetzt?', 'Digitalisierung – was jetzt?'",   // UTF-8 read as windows-1252
            "'Ã„rger um GebÃ¼hren â€ž2025â€œ', 'Ärger um Gebühren „2025“'",
            "'Preis: 5 â‚¬', 'Preis: 5 €'"})
    void repairsEncodingMistakes(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).isEqualTo(repaired);
    }

    @ParameterizedTest
    @CsvSource({"Grüße aus Köln", "bash - Expansão de Parâmetros", "Ça coûte 5 €", "plain ascii", "''",
            "Digitalisierung – was jetzt?", "„Zitat“ – 5 € …", "Ärger um Gebühren", "Ã", "Straße™"})
    void leavesCorrectTextAlone(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }
}
