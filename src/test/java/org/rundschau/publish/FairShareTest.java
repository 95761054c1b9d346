package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rundschau.model.Entry;

class FairShareTest {
    private static final Instant T0 = Instant.parse("2025-02-07T12:00:00Z");

    /** 20 entries of a busy source in the last 20 minutes, and two older ones of each of two quiet sources. */
    private final List<Entry> busy = IntStream.range(0, 20).mapToObj(i -> entry("busy", "b" + i, i)).toList();
    private final List<Entry> quiet = List.of(entry("quiet", "q0", 60), entry("quiet", "q1", 600),
            entry("rare", "r0", 6_000), entry("rare", "r1", 60_000));

    @Test
    void aBusySourceCannotPushTheOthersOut() {
        List<Entry> chosen = FairShare.select(all(), 10, 3);

        assertThat(ids(chosen)).containsExactly("b0", "b1", "b2", "b3", "b4", "b5", "q0", "q1", "r0", "r1");
    }

    @Test
    void placesTheOthersLeaveGoToTheNewest() {
        assertThat(ids(FairShare.select(busy, 10, 3))).containsExactly(
                "b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
        assertThat(ids(FairShare.select(all(), 30, 3))).hasSize(24);
    }

    @Test
    void withAShareAsLargeAsTheFeedItIsTheNewestEntries() {
        assertThat(ids(FairShare.select(all(), 5, 5))).containsExactly("b0", "b1", "b2", "b3", "b4");
    }

    @Test
    void theOrderAndRepeatsOfTheCandidatesDoNotMatter() {
        List<Entry> shuffled = new ArrayList<>(all());
        shuffled.addAll(quiet);
        Collections.shuffle(shuffled, new java.util.Random(5));

        assertThat(FairShare.select(shuffled, 10, 3)).isEqualTo(FairShare.select(all(), 10, 3));
    }

    @Test
    void tiesInPublishedAreOrderedByEntryId() {
        List<Entry> tied = List.of(entry("a", "z", 0), entry("b", "y", 0), entry("c", "x", 0));

        assertThat(ids(FairShare.select(tied, 3, 1))).containsExactly("x", "y", "z");
    }

    @Test
    void unionKeepsEachIdOnceNewestFirst() {
        List<Entry> union = FairShare.union(List.of(busy.get(3), busy.get(0)), List.of(busy.get(0), quiet.get(0)));

        assertThat(ids(union)).containsExactly("b0", "b3", "q0");
    }

    @Test
    void rejectsAShareOrLimitBelowOne() {
        assertThatThrownBy(() -> FairShare.select(all(), 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FairShare.select(all(), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Entry> all() {
        List<Entry> all = new ArrayList<>(busy);
        all.addAll(quiet);
        return all;
    }

    private static Entry entry(String source, String key, long minutesAgo) {
        Instant at = T0.minusSeconds(60 * minutesAgo);
        return new Entry(key, source, "", "Titel " + key, "", false, "https://example.org/" + key, at, at);
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::entryId).toList();
    }
}
