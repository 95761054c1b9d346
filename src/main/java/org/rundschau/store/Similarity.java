package org.rundschau.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How alike two items' texts are, from 0 to 1, for deciding whether two sources carry one story.
 *
 * <ul>
 *   <li>Headlines: Jaccard similarity of their {@link Shingles}; 1 when the folded headlines are equal.</li>
 *   <li>Teasers: containment, the share of the smaller teaser's shingles found in the larger one, so a
 *       teaser cut shorter by one source still matches the full one.</li>
 *   <li>The score is the mean of both when both items have a teaser of at least
 *       {@value #MIN_SUMMARY_SHINGLES} shingles; otherwise the headlines' similarity, and 0 when a
 *       headline has fewer than {@value #MIN_TITLE_WORDS} significant words ("Termine",
 *       "Pressemitteilung" alone say nothing about which story it is).</li>
 *   <li>Items with two different regions score 0: "Sachsen: Neue CIO" and "Bayern: Neue CIO" are
 *       two stories.</li>
 * </ul>
 * Two stories that share a few words ("Digitalisierung: Blick in die Glaskugel" and
 * "Digitalisierung: Verwaltung setzt auf KI") score far below any useful threshold.
 */
final class Similarity {
    static final int MIN_TITLE_WORDS = 3;
    static final int MIN_SUMMARY_SHINGLES = 3;

    private Similarity() {
    }

    /** What a score was based on, for the admin. */
    enum Basis {
        HEADLINE_AND_TEASER("headline and teaser"),
        HEADLINE("headline only"),
        HEADLINE_TOO_SHORT("headline too short to decide on its own"),
        REGIONS_DIFFER("regions differ");

        private final String text;

        Basis(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param value   the similarity that is compared with the threshold
     * @param title   the headlines' similarity
     * @param summary the teasers' containment, or -1 when they were not compared
     */
    record Score(double value, double title, double summary, Basis basis) {
        Score {
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2f (%s; headline %.2f%s)", value, basis, title,
                    summary < 0 ? "" : String.format(java.util.Locale.ROOT, ", teaser %.2f", summary));
        }
    }

    /** An item's text, folded once so that it can be compared with many others. */
    record Text(String region, String titleKey, int titleWords, Shingles title, Shingles summary) {
        static Text of(String region, String title, String summary) {
            return of(region, TextFold.titleKey(title), title, summary);
        }

        /** @param titleKey {@link TextFold#titleKey} of the title, as stored; null: computed here */
        static Text of(String region, String titleKey, String title, String summary) {
            List<String> words = TextFold.significantWords(title);
            return new Text(region.strip(), titleKey != null ? titleKey : TextFold.titleKey(title), words.size(),
                    Shingles.of(words), Shingles.of(summary));
        }

        /**
         * The folded part of this text (headline words, headline and teaser shingles) as stored in
         * {@code item.shingles}, so that comparing a stored item does not fold its text again: the
         * version byte {@link #FOLDED_VERSION}, the headline's significant words, then each shingle
         * set as its size and its hashes (big-endian).
         */
        byte[] folded() {
            ByteBuffer b = ByteBuffer.allocate(1 + 3 * Integer.BYTES + Long.BYTES * (title.size() + summary.size()));
            b.put(FOLDED_VERSION).putInt(titleWords);
            title.writeTo(b);
            summary.writeTo(b);
            return b.array();
        }

        /**
         * The text of a stored item from its {@link #folded} form; empty when there is none, it was
         * written by another version of the folding, or it is damaged: then the caller folds the
         * stored text itself, which gives the same result, only slower.
         */
        static Optional<Text> ofFolded(String region, String titleKey, byte[] folded) {
            if (folded == null || folded.length < 1 + Integer.BYTES || folded[0] != FOLDED_VERSION
                    || titleKey == null) {
                return Optional.empty();
            }
            try {
                ByteBuffer b = ByteBuffer.wrap(folded, 1, folded.length - 1);
                int titleWords = b.getInt();
                Shingles title = Shingles.readFrom(b);
                Shingles summary = Shingles.readFrom(b);
                if (b.hasRemaining() || titleWords < 0) return Optional.empty();
                return Optional.of(new Text(region.strip(), titleKey, titleWords, title, summary));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The version of {@link TextFold}, {@link Shingles} and the layout of {@link Text#folded}: stored
     * with each item's shingles. Raise it whenever any of them changes what a text folds to; stored
     * shingles of another version are then ignored and the text is folded again.
     */
    static final byte FOLDED_VERSION = 1;

    static Score score(Text a, Text b) {
        double title = a.titleKey().equals(b.titleKey()) && a.titleWords() > 0 ? 1 : a.title().jaccard(b.title());
        boolean teasers = a.summary().size() >= MIN_SUMMARY_SHINGLES && b.summary().size() >= MIN_SUMMARY_SHINGLES;
        double summary = teasers ? a.summary().containment(b.summary()) : -1;
        if (!a.region().isEmpty() && !b.region().isEmpty() && !a.region().equalsIgnoreCase(b.region())) {
            return new Score(0, title, summary, Basis.REGIONS_DIFFER);
        }
        if (teasers) {
            return new Score((title + summary) / 2, title, summary, Basis.HEADLINE_AND_TEASER);
        }
        if (Math.min(a.titleWords(), b.titleWords()) < MIN_TITLE_WORDS) {
            return new Score(0, title, summary, Basis.HEADLINE_TOO_SHORT);
        }
        return new Score(title, title, summary, Basis.HEADLINE);
    }
}
