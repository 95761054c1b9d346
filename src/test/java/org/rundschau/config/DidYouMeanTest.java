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
