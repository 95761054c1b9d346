package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void equalSetsHaveEqualSignaturesAndBuckets() {
        Shingles a = Shingles.of("Neue CIO für den Freistaat Sachsen");
        Shingles b = Shingles.of("neue cio fuer den freistaat sachsen!");
        assertThat(MinHash.signature(a)).hasSize(MinHash.HASHES).isEqualTo(MinHash.signature(b));
        assertThat(MinHash.buckets(a)).hasSize(MinHash.BANDS).isEqualTo(MinHash.buckets(b));
    }

    @Test
    void hashesAndBucketsAreFixedValuesThatNeverChangeBetweenRunsOrVersions() {
        // Buckets are stored: if these values change, stored items are no longer found (see MinHash).
        assertThat(Shingles.hash("cio")).isEqualTo(6354792774493368699L);
        assertThat(MinHash.buckets(Shingles.of("Neue CIO für den Freistaat"))[0]).isEqualTo(7842948199081989802L);
    }

    @Test
    void signaturesAgreeInAboutAsManyPlacesAsTheSetsOverlap() {
        SplittableRandom random = new SplittableRandom(7);
        double totalError = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            List<String> a = words(random, 30);
            List<String> b = new ArrayList<>(a.subList(0, 15));
            b.addAll(words(random, 15));
            Shingles sa = Shingles.of(a);
            Shingles sb = Shingles.of(b);
            long[] x = MinHash.signature(sa);
            long[] y = MinHash.signature(sb);
            long agree = java.util.stream.IntStream.range(0, MinHash.HASHES).filter(i -> x[i] == y[i]).count();
            totalError += (double) agree / MinHash.HASHES - sa.jaccard(sb);
        }
        assertThat(Math.abs(totalError / trials)).isLessThan(0.05);
    }

    @Test
    void similarHeadlinesShareABucketAndUnrelatedOnesRarelyDo() {
        SplittableRandom random = new SplittableRandom(11);
        int similarShared = 0;
        int unrelatedShared = 0;
        for (int t = 0; t < 500; t++) {
            List<String> headline = words(random, 8);
            List<String> edited = new ArrayList<>(headline);
            edited.set(7, "x" + t);   // the last of eight words changed: Jaccard 13/17
            if (share(Shingles.of(headline), Shingles.of(edited))) similarShared++;
            if (share(Shingles.of(headline), Shingles.of(words(random, 8)))) unrelatedShared++;
        }
        assertThat(similarShared).isGreaterThan(475);
        assertThat(unrelatedShared).isLessThan(10);
    }

    @Test
    void anEmptySetHasNoBuckets() {
        assertThat(MinHash.buckets(Shingles.NONE)).isEmpty();
        assertThatThrownBy(() -> MinHash.signature(Shingles.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shinglesAreWordsAndWordPairs() {
        Shingles s = Shingles.of(List.of("ozg", "umsetzung", "bilanz"));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.shared(Shingles.of(List.of("umsetzung", "bilanz")))).isEqualTo(3);
        assertThat(s.containment(Shingles.of(List.of("umsetzung", "bilanz")))).isEqualTo(1.0);
        assertThat(s.jaccard(Shingles.of(List.of("umsetzung", "bilanz")))).isEqualTo(0.6);
        assertThat(Shingles.NONE.jaccard(Shingles.NONE)).isZero();
    }

    private static boolean share(Shingles a, Shingles b) {
        long[] x = MinHash.buckets(a);
        long[] y = MinHash.buckets(b);
        return Arrays.stream(x).anyMatch(v -> Arrays.stream(y).anyMatch(w -> w == v));
    }

    private static List<String> words(SplittableRandom random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) words.add("w" + random.nextInt(1_000_000));
        return words;
    }
}
