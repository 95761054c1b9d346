package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            every 30m        => PT30M
            every 2h         => PT2H
            every 1d         => PT24H
            every 5m         => PT5M
            EVERY 10 MIN     => PT10M
            "  every 45m  "  => PT45M
            """)
    void readsAnInterval(String text, Duration interval) {
        Schedule schedule = Schedule.parse(text);

        assertThat(schedule.isInterval()).isTrue();
        assertThat(schedule.interval()).isEqualTo(interval);
        assertThat(schedule.cron()).isEmpty();
        assertThat(schedule.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"every 1m", "every 4m", "every 0h"})
    void rejectsAnIntervalShorterThanFiveMinutes(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text))
                .withMessage("schedule '" + text + "' is shorter than the minimum of 5 minutes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"every 30s", "every half hour", "every 30"})
    void rejectsAMalformedInterval(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text))
                .withMessage("schedule '" + text + "' must look like 'every 30m', 'every 2h' or 'every 1d'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 0/15 6-22 * * ?", "0 0 7 ? * MON-FRI", "0 30 * * * ? 2026"})
    void readsAQuartzCronExpression(String text) {
        Schedule schedule = Schedule.parse(text);

        assertThat(schedule.isInterval()).isFalse();
        assertThat(schedule.cron()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 0/15 * * *", "* * * * * *", "0 61 * * * ?", "hourly"})
    void rejectsAnInvalidCronExpression(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text))
                .withMessageStartingWith("schedule '" + text + "' is neither 'every N(m|h|d)' nor a valid Quartz cron");
    }
}
