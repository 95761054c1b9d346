package org.rundschau.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Time is fake: "sleeping" advances it at once, so nothing here waits for real time. */
class HostThrottleTest {
    private final FakeTime time = new FakeTime();
    private final HostThrottle throttle = new HostThrottle(Duration.ofSeconds(2), time);

    @Test
    void firstRequestToAHostDoesNotWait() throws InterruptedException {
        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void waitsForTheRestOfTheGapBeforeTheNextRequestToTheSameHost() throws InterruptedException {
        throttle.acquire("www.kommune21.de").close();
        time.advance(Duration.ofMillis(500));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void countsTheGapFromTheEndOfTheRequest() throws InterruptedException {
        HostThrottle.Permit slow = throttle.acquire("www.kommune21.de");
        time.advance(Duration.ofSeconds(10));
        slow.close();

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void doesNotWaitOnceTheGapHasPassed() throws InterruptedException {
        throttle.acquire("www.kommune21.de").close();
        time.advance(Duration.ofSeconds(2));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void treatsHostNamesCaseInsensitively() throws InterruptedException {
        throttle.acquire("www.kommune21.de").close();

        throttle.acquire("WWW.Kommune21.DE").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void letsDifferentHostsGoWithoutWaitingForEachOther() throws InterruptedException {
        HostThrottle.Permit busy = throttle.acquire("www.kommune21.de");
        throttle.acquire("www.egovernment.de").close();
        busy.close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void zeroGapDisablesThePause() throws InterruptedException {
        HostThrottle noGap = new HostThrottle(Duration.ZERO, time);
        noGap.acquire("www.kommune21.de").close();

        noGap.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void secondRequestToABusyHostWaitsUntilTheFirstEnds() throws InterruptedException {
        HostThrottle.Permit first = throttle.acquire("www.kommune21.de");
        AtomicBoolean firstEnded = new AtomicBoolean();
        AtomicBoolean secondStartedAfterFirstEnded = new AtomicBoolean();
        Thread second = new Thread(() -> {
            try {
                HostThrottle.Permit permit = throttle.acquire("www.kommune21.de");
                secondStartedAfterFirstEnded.set(firstEnded.get());
                permit.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING && second.isAlive()) {
            Thread.onSpinWait();    // until it blocks on the busy host (or, if broken, finishes)
        }

        firstEnded.set(true);
        first.close();
        second.join(10_000);

        assertThat(second.isAlive()).isFalse();
        assertThat(secondStartedAfterFirstEnded).isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void interruptedWaitLeavesTheHostFree() throws InterruptedException {
        throttle.acquire("www.kommune21.de").close();
        time.interruptNextSleep();

        assertThatThrownBy(() -> throttle.acquire("www.kommune21.de")).isInstanceOf(InterruptedException.class);

        time.advance(Duration.ofSeconds(2));
        throttle.acquire("www.kommune21.de").close();    // would block forever if still reserved
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void closingAPermitTwiceEndsOnlyItsOwnRequest() throws InterruptedException {
        HostThrottle.Permit first = throttle.acquire("www.kommune21.de");
        first.close();
        first.close();
        time.advance(Duration.ofSeconds(1));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNegativeGap() {
        assertThatThrownBy(() -> new HostThrottle(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    private static final class FakeTime implements HostThrottle.TimeSource {
        private long nanos = 1_000_000_000L;
        private final List<Duration> sleeps = new ArrayList<>();
        private boolean interruptNext;

        @Override
        public synchronized long nanoTime() {
            return nanos;
        }

        @Override
        public synchronized void sleepNanos(long duration) throws InterruptedException {
            if (interruptNext) {
                interruptNext = false;
                throw new InterruptedException();
            }
            sleeps.add(Duration.ofNanos(duration));
            nanos += duration;
        }

        synchronized void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        synchronized void interruptNextSleep() {
            interruptNext = true;
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }
    }
}
