package org.rundschau.store;

/**
 * MinHash signatures and their locality-sensitive buckets: two shingle sets with Jaccard
 * similarity J agree in one signature position with probability J, and share at least one of
 * {@link #BANDS} buckets (bands of {@link #ROWS} positions) with probability
 * {@code 1 - (1 - J^ROWS)^BANDS}: 0.995 at J = 0.6, 0.97 at 0.5, 0.39 at 0.2, 0.11 at 0.1. Looking
 * up an item's buckets in an index therefore finds the headlines like it without reading the others.
 *
 * <p>The hash functions are fixed (seeded, not random per run): buckets are stored, and a stored
 * bucket must mean the same thing after a restart or an upgrade. Changing {@link #HASHES},
 * {@link #ROWS} or the seeds needs a migration that clears {@code lsh_bucket} and sets every
 * {@code item.title_key} to NULL, so that the store indexes every item again.
 */
final class MinHash {
    static final int ROWS = 2;
    static final int BANDS = 12;
    static final int HASHES = ROWS * BANDS;
    private static final long SEED = 0x52756e6473636861L;   // "Rundscha"

    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long s = SEED;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9e3779b97f4a7c15L;
            seeds[i] = Shingles.mix(s);
        }
        return seeds;
    }

    /** The signature of a non-empty set: for each hash function, the least value over the shingles. */
    static long[] signature(Shingles shingles) {
        if (shingles.isEmpty()) throw new IllegalArgumentException("an empty shingle set has no signature");
        long[] signature = new long[HASHES];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles.hashes()) {
            for (int i = 0; i < HASHES; i++) {
                long h = Shingles.mix(shingle ^ SEEDS[i]);
                if (h < signature[i]) signature[i] = h;
            }
        }
        return signature;
    }

    /** One bucket per band: a hash of the band's number and its {@link #ROWS} signature values. */
    static long[] buckets(long[] signature) {
        if (signature.length != HASHES) {
            throw new IllegalArgumentException("signature must have " + HASHES + " values: " + signature.length);
        }
        long[] buckets = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = Shingles.mix(band + 1L);
            for (int row = 0; row < ROWS; row++) {
                h = Shingles.mix(h ^ signature[band * ROWS + row]);
            }
            buckets[band] = h;
        }
        return buckets;
    }

    /** The buckets of a text's shingles; none for an empty set. */
    static long[] buckets(Shingles shingles) {
        return shingles.isEmpty() ? new long[0] : buckets(signature(shingles));
    }
}
