package org.rundschau.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The java.time shortcut for standard feed dates reads them as Rome's parser does (issue 8). */
class FeedDateShortcutTest {
    @ParameterizedTest
    @ValueSource(strings = {"Fri, 07 Feb 2025 14:30:00 +0100", "Tue, 03 Jun 2008 11:05:30 GMT", "7 Feb 2025 14:30:00 +0100",
            "Fri, 07 Feb 2025 14:30 +0100", "2025-02-07T14:30:00+01:00", "2025-02-07T13:30:00Z",
            "2025-02-07T14:30:00.250+01:00", "  2003-12-13T18:30:02Z "})
    void readsStandardDatesAsRomeDoes(String raw) {
        assertThat(FeedExtractor.standardDate(raw)).contains(DateParser.parseDate(raw.strip(), Locale.US).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thu, 07 Feb 2025 14:30:00 +0100", "Fri, 07 Feb 25 14:30:00 +0100", "Fri, 07 Feb 2025 14:30:00 CET",
            "2025-02-07T14:30:00", "2025-02-07", "2025-02-07t13:30:00Z", "2025-02-07T14:30:00.123456+01:00", "mer, 16 nov 2022 08:00:00 +0100", "07.02.2025 14:30", ""})
    void leavesEverythingElseToRome(String raw) {
        assertThat(FeedExtractor.standardDate(raw)).isEmpty();
    }
}
