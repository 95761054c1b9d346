package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

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
    @ValueSource(strings = {"0 0/15 6-22 * * ?", "0 0 7 ? * MON-FRI", "0 30 * * * ? 2099"})
    void readsAQuartzCronExpression(String text) {
        Schedule schedule = Schedule.parse(text);

        assertThat(schedule.isInterval()).isFalse();
        assertThat(schedule.cron()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 61 * * * ?", "hourly", "a b c d e", "0 0 12 * * * * *"})
    void rejectsAnInvalidCronExpression(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text))
                .withMessageStartingWith("schedule '" + text + "' is neither 'every N(m|h|d)' nor a valid Quartz cron");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            */30 * * * *      => 0 */30 * * * ?
            0 * * * *         => 0 0 * * * ?
            0 0/15 * * *      => 0 0 0/15 * * ?
            30 6 1 * *        => 0 30 6 1 * ?
            0 9 * * 1-5       => 0 0 9 ? * MON-FRI
            0 9 * * 0,6       => 0 0 9 ? * SUN,SAT
            0 9 * * 7         => 0 0 9 ? * SUN
            """)
    void offersTheQuartzFormOfAUnixCronExpression(String unix, String quartz) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(unix))
                .withMessage("schedule '" + unix + "' looks like a Unix cron expression; Quartz needs a seconds field"
                        + " first and '?' in day-of-month or day-of-week: write '" + quartz + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            0 0 * * * *        => 0 0 * * * ?
            0 0 12 * * MON     => 0 0 12 ? * MON
            0 0 12 1 * *       => 0 0 12 1 * ?
            0 0 12 * * * 2099  => 0 0 12 * * ? 2099
            """)
    void offersQuestionMarkForOneOfTwoDayFields(String text, String quartz) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text))
                .withMessage("schedule '" + text + "' sets both day-of-month and day-of-week; Quartz needs '?' in one"
                        + " of them: write '" + quartz + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            0 0 12 1 * MON => schedule '0 0 12 1 * MON' sets both day-of-month and day-of-week; Quartz needs '?' in one of them (it cannot combine a day of the month with a weekday)
            0 9 1 * 1      => schedule '0 9 1 * 1' looks like a Unix cron expression; Quartz needs a seconds field first and '?' in day-of-month or day-of-week (it cannot combine a day of the month with a weekday)
            * * * * *      => schedule '* * * * *' looks like a Unix cron expression; Quartz needs a seconds field first and '?' in day-of-month or day-of-week; '0 * * * * ?' would be refused too: schedule '0 * * * * ?' runs only 1 minute apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            * * * * * *    => schedule '* * * * * *' sets both day-of-month and day-of-week; Quartz needs '?' in one of them; '* * * * * ?' would be refused too: schedule '* * * * * ?' runs only 1 second apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            """)
    void saysWhenTheQuartzFormCannotBeOfferedOrIsRefusedToo(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text)).withMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 0 12 31 2 ?", "0 0 12 30 2 ? 2030", "0 0 12 31 4,6,9,11 ?"})
    void rejectsACronExpressionThatMatchesNoDate(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text, NOW))
                .withMessage("schedule '" + text + "' never runs: no date matches its day, month and year fields;"
                        + " check them against the calendar ('L' is the last day of a month)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            0 0 12 ? * MON-FRI 1999 => 1999-12-31 12:00 UTC
            0 30 * * * ? 2026       => 2026-12-31 23:30 UTC
            0 0 0 29 2 ? 2020-2024  => 2024-02-29 00:00 UTC
            """)
    void rejectsACronExpressionWhoseLastRunIsPast(String text, String lastRun) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.parse(text, NOW))
                .withMessage("schedule '" + text + "' never runs again: its last run was " + lastRun
                        + "; change or remove its year field");
    }

    @Test
    void takesACronExpressionWhoseLastRunIsStillAhead() {
        assertThat(Schedule.parse("0 30 * * * ? 2026", Instant.parse("2026-12-31T23:00:00Z")).cron())
                .isEqualTo("0 30 * * * ? 2026");
    }
}
