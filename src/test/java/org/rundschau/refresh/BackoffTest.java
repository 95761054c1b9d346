package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration PERIOD = Duration.ofMinutes(30);

    Backoff backoff = new Backoff(new RandomGenerator() {
        @Override public long nextLong() { return 0; }
        @Override public double nextDouble() { return 0.5; }
    });

    @Test
    void firstFailureWaitsOnePeriodThenDoubles() {
        assertThat(backoff.nextAttempt(NOW, 1, PERIOD, Optional.empty())).isEqualTo(NOW.plus(PERIOD));
        assertThat(backoff.nextAttempt(NOW, 2, PERIOD, Optional.empty())).isEqualTo(NOW.plus(PERIOD.multipliedBy(2)));
        assertThat(backoff.nextAttempt(NOW, 4, PERIOD, Optional.empty())).isEqualTo(NOW.plus(PERIOD.multipliedBy(8)));
    }

    @Test
    void isCappedAtOneDayEvenAfterManyFailures() {
        assertThat(backoff.nextAttempt(NOW, 500, PERIOD, Optional.empty())).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void honoursALongerRetryAfterButNotBeyondTheCap() {
        assertThat(backoff.nextAttempt(NOW, 1, PERIOD, Optional.of(Duration.ofHours(3)))).isEqualTo(NOW.plusSeconds(3 * 3600));
        assertThat(backoff.nextAttempt(NOW, 1, PERIOD, Optional.of(Duration.ofMinutes(1)))).isEqualTo(NOW.plus(PERIOD));
        assertThat(backoff.nextAttempt(NOW, 1, PERIOD, Optional.of(Duration.ofDays(9)))).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void jitterStaysWithinTenPercent() {
        Backoff low = new Backoff(new RandomGenerator() {
            @Override public long nextLong() { return 0; }
            @Override public double nextDouble() { return 0.0; }
        });
        assertThat(low.nextAttempt(NOW, 1, PERIOD, Optional.empty())).isEqualTo(NOW.plus(Duration.ofMinutes(27)));
    }

    @Test
    void rejectsZeroFailures() {
        assertThatThrownBy(() -> backoff.nextAttempt(NOW, 0, PERIOD, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
