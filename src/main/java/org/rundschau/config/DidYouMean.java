package org.rundschau.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name an admin probably meant when they mistyped one. */
final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * Returns the candidate closest to {@code typed} (case-insensitive edit distance), or empty when
     * none is close enough to be a likely typo: at most 2 edits, and fewer for short names, so that
     * {@code id} is not "corrected" to {@code url}. Ties go to the alphabetically first candidate.
     */
    static Optional<String> closest(Collection<String> candidates, String typed) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, (typed.length() - 1) / 2);
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
