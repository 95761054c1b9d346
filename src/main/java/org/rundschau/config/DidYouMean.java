package org.rundschau.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name an admin probably meant when they mistyped one. */
final class DidYouMean {
    private DidYouMean() {
    }

    private record Candidate(String name, int distance, boolean sameFirstLetter, int position) {}

    /** Fewest edits; then one that starts as the typed name does; then the one listed first. */
    private static final Comparator<Candidate> BEST = Comparator.comparingInt(Candidate::distance)
            .thenComparing(Candidate::sameFirstLetter, Comparator.reverseOrder())
            .thenComparingInt(Candidate::position);

    /**
     * Returns the candidate closest to {@code typed} (case-insensitive edit distance, a swap of two
     * neighbouring letters counting as one edit), or empty when none is close enough to be a likely
     * typo: at most 2 edits, and fewer for short names, so that {@code id} is not "corrected" to
     * {@code url}. Among equally close candidates, one with the typed name's first letter wins, then
     * the one {@code candidates} lists first: pass them in a meaningful (or at least a fixed) order.
     */
    static Optional<String> closest(Collection<String> candidates, String typed) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, (typed.length() - 1) / 2);
        int position = 0;
        Candidate best = null;
        for (String name : candidates) {
            String known = name.toLowerCase(Locale.ROOT);
            Candidate candidate = new Candidate(name, distance(wanted, known),
                    !wanted.isEmpty() && !known.isEmpty() && wanted.charAt(0) == known.charAt(0), position++);
            if (candidate.distance() <= limit && (best == null || BEST.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best).map(Candidate::name);
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
     * neighbouring characters, each costing 1 ({@code titel} is one edit from {@code title}, where
     * plain Levenshtein counts two and ties it with {@code item}).
     */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
