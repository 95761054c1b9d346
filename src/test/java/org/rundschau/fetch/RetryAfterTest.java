package org.rundschau.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("1994-11-06T08:40:00Z");

    @Test
    void readsDeltaSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",     // IMF-fixdate, the one servers should send
        "Sunday, 06-Nov-94 08:49:37 GMT",    // obsolete RFC 850
        "Sun Nov  6 08:49:37 1994",          // obsolete asctime
    })
    void readsEveryHttpDateFormat(String date) {
        assertThat(RetryAfter.parse(date, NOW)).contains(Duration.ofSeconds(9 * 60 + 37));
    }

    @Test
    void treatsAPastDateAsNoWait() {
        assertThat(RetryAfter.parse("Sat, 05 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "120 s", "06.11.1994 08:49"})
    void ignoresUnreadableValues(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}
