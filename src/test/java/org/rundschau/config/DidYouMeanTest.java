package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("id", "name", "url", "region", "timezone", "schedule", "html");

    @Test
    void suggestsAKeyWithinTwoEdits() {
        assertThat(DidYouMean.closest(KEYS, "shedule")).contains("schedule");
        assertThat(DidYouMean.closest(KEYS, "regoin")).contains("region");
        assertThat(DidYouMean.closest(KEYS, "time_zone")).contains("timezone");
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        List<String> html = List.of("item", "title", "link", "date", "time", "summary", "region");

        assertThat(DidYouMean.closest(html, "titel")).contains("title");
        assertThat(DidYouMean.closest(html, "lnik")).contains("link");
        assertThat(DidYouMean.closest(html, "smumary")).contains("summary");
    }

    @Test
    void prefersTheSameFirstLetterThenTheOrderOfTheKnownNames() {
        assertThat(DidYouMean.closest(List.of("bite", "date"), "dite")).contains("date");
        assertThat(DidYouMean.closest(List.of("time", "tide"), "tine")).contains("time");
        assertThat(DidYouMean.closest(List.of("tide", "time"), "tine")).contains("tide");
    }

    @Test
    void ignoresCase() {
        assertThat(DidYouMean.closest(KEYS, "URL")).contains("url");
    }

    @Test
    void doesNotGuessForShortOrDistantNames() {
        assertThat(DidYouMean.closest(KEYS, "ix")).isEmpty();
        assertThat(DidYouMean.closest(KEYS, "kicker")).isEmpty();
        assertThat(DidYouMean.closest(KEYS, "")).isEmpty();
    }
}
