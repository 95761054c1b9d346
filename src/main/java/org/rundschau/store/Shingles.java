package org.rundschau.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The set of word shingles of a text: every significant word and every pair of neighbouring
 * significant words, each as a 64-bit hash. Single words make short headlines comparable; pairs
 * keep some word order, so that two texts made of the same common words still differ.
 */
final class Shingles {
    static final Shingles NONE = new Shingles(new long[0]);

    private final long[] hashes;   // sorted, distinct

    private Shingles(long[] hashes) {
        this.hashes = hashes;
    }

    /** The shingles of folded, significant words (see {@link TextFold#significantWords}). */
    static Shingles of(List<String> words) {
        long[] all = new long[Math.max(0, 2 * words.size() - 1)];
        int n = 0;
        long previous = 0;
        for (int i = 0; i < words.size(); i++) {
            long h = hash(words.get(i));
            all[n++] = h;
            if (i > 0) all[n++] = pair(previous, h);
            previous = h;
        }
        return new Shingles(Arrays.stream(all, 0, n).sorted().distinct().toArray());
    }

    static Shingles of(String text) {
        return of(TextFold.significantWords(text));
    }

    int size() {
        return hashes.length;
    }

    boolean isEmpty() {
        return hashes.length == 0;
    }

    long[] hashes() {
        return hashes.clone();
    }

    /** Writes the set's size and hashes (see {@link #readFrom}). */
    void writeTo(ByteBuffer buffer) {
        buffer.putInt(hashes.length);
        for (long h : hashes) buffer.putLong(h);
    }

    /**
     * Reads a set written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException when the bytes are not such a set (too few, or not sorted and distinct)
     */
    static Shingles readFrom(ByteBuffer buffer) {
        int n = buffer.remaining() >= Integer.BYTES ? buffer.getInt() : -1;
        if (n < 0 || n > buffer.remaining() / Long.BYTES) {
            throw new IllegalArgumentException("stored shingles are cut short");
        }
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = buffer.getLong();
            if (i > 0 && hashes[i] <= hashes[i - 1]) {
                throw new IllegalArgumentException("stored shingles are not sorted and distinct");
            }
        }
        return n == 0 ? NONE : new Shingles(hashes);
    }

    /** How many shingles both sets hold. */
    int shared(Shingles other) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < hashes.length && j < other.hashes.length) {
            int c = Long.compare(hashes[i], other.hashes[j]);
            if (c == 0) {
                shared++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    double jaccard(Shingles other) {
        int shared = shared(other);
        int union = size() + other.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** |A ∩ B| / min(|A|, |B|): how much of the smaller set the larger one holds; 0 when either is empty. */
    double containment(Shingles other) {
        int smaller = Math.min(size(), other.size());
        return smaller == 0 ? 0 : (double) shared(other) / smaller;
    }

    /** FNV-1a over the UTF-16 code units, then {@link #mix}: fixed for ever, since buckets are stored. */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The hash of two neighbouring words, in order. */
    static long pair(long first, long second) {
        return mix(first * 0x9e3779b97f4a7c15L + second);
    }

    /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
