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
    void firstRequestToAHostDoesNotWait() throws Exception {
        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void waitsForTheRestOfTheGapBeforeTheNextRequestToTheSameHost() throws Exception {
        throttle.acquire("www.kommune21.de").close();
        time.advance(Duration.ofMillis(500));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void countsTheGapFromTheEndOfTheRequest() throws Exception {
        HostThrottle.Permit slow = throttle.acquire("www.kommune21.de");
        time.advance(Duration.ofSeconds(10));
        slow.close();

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void doesNotWaitOnceTheGapHasPassed() throws Exception {
        throttle.acquire("www.kommune21.de").close();
        time.advance(Duration.ofSeconds(2));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void treatsHostNamesCaseInsensitively() throws Exception {
        throttle.acquire("www.kommune21.de").close();

        throttle.acquire("WWW.Kommune21.DE").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void letsDifferentHostsGoWithoutWaitingForEachOther() throws Exception {
        HostThrottle.Permit busy = throttle.acquire("www.kommune21.de");
        throttle.acquire("www.egovernment.de").close();
        busy.close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void zeroGapDisablesThePause() throws Exception {
        HostThrottle noGap = new HostThrottle(Duration.ZERO, time);
        noGap.acquire("www.kommune21.de").close();

        noGap.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void secondRequestToABusyHostWaitsUntilTheFirstEnds() throws Exception {
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
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
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
    void interruptedWaitLeavesTheHostFree() throws Exception {
        throttle.acquire("www.kommune21.de").close();
        time.interruptNextSleep();

        assertThatThrownBy(() -> throttle.acquire("www.kommune21.de")).isInstanceOf(InterruptedException.class);

        time.advance(Duration.ofSeconds(2));
        throttle.acquire("www.kommune21.de").close();    // would block forever if still reserved
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void closingAPermitTwiceEndsOnlyItsOwnRequest() throws Exception {
        HostThrottle.Permit first = throttle.acquire("www.kommune21.de");
        first.close();
        first.close();
        time.advance(Duration.ofSeconds(1));

        throttle.acquire("www.kommune21.de").close();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void waitsWhileAnotherNodeHoldsTheHostAndGivesItBackWhenDone() throws Exception {
        List<String> calls = new ArrayList<>();
        SharedHosts otherNodeBusy = new SharedHosts() {
            int asked;

            @Override
            public Duration tryAcquire(String host, String holder) {
                calls.add("acquire " + host);
                return asked++ < 2 ? Duration.ofMillis(600) : Duration.ZERO;
            }

            @Override
            public void release(String host, String holder) {
                calls.add("release " + host);
            }
        };
        HostThrottle cluster = new HostThrottle(Duration.ofSeconds(2), time, otherNodeBusy);

        cluster.acquire("WWW.Kommune21.de").close();

        assertThat(calls).containsExactly("acquire www.kommune21.de", "acquire www.kommune21.de",
                "acquire www.kommune21.de", "release www.kommune21.de");
        // Asked again at most every SHARED_POLL, never sleeping the whole 600 ms at once.
        assertThat(time.sleeps()).containsExactly(HostThrottle.SHARED_POLL, HostThrottle.SHARED_POLL);
    }

    @Test
    void whenTheClusterCannotBeAskedNothingIsReserved() throws Exception {
        SharedHosts down = new SharedHosts() {
            boolean failed;

            @Override
            public Duration tryAcquire(String host, String holder) throws java.io.IOException {
                if (!failed) {
                    failed = true;
                    throw new java.io.IOException("database down");
                }
                return Duration.ZERO;
            }

            @Override
            public void release(String host, String holder) {
            }
        };
        HostThrottle cluster = new HostThrottle(Duration.ZERO, time, down);

        assertThatThrownBy(() -> cluster.acquire("www.kommune21.de")).hasMessage("database down");
        cluster.acquire("www.kommune21.de").close();    // would block forever if still reserved
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
