package org.rundschau.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rundschau.model.Sha256;

/**
 * German-aware folding of headlines and teasers into comparable words: Unicode compatibility
 * forms, lowercase, umlauts spelled out ({@code ä} → {@code ae}, {@code ß} → {@code ss}, so
 * {@code Müller} and {@code Mueller} meet), other accents dropped, and everything that is not a
 * letter or digit treated as a word break ({@code OZG-Umsetzung} → {@code ozg umsetzung}).
 * HTML tags and entities in a teaser count as word breaks too.
 */
final class TextFold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|&[#a-zA-Z0-9]+;");
    private static final int TITLE_KEY_HEX_DIGITS = 16;

    /**
     * Function words that say nothing about which story an item tells, in their folded spelling.
     * Without them, "Neue CIO für den Freistaat" and "Neue Strategie für den Bund" share one word, not three.
     */
    static final Set<String> STOPWORDS = Set.of(
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
            "und", "oder", "aber", "in", "im", "ins", "am", "an", "auf", "aus", "bei", "beim", "mit", "nach",
            "von", "vom", "zu", "zum", "zur", "fuer", "ueber", "unter", "vor", "um", "bis", "durch", "gegen",
            "ohne", "ist", "sind", "war", "wird", "werden", "wurde", "wurden", "hat", "haben", "sich", "nicht",
            "auch", "als", "wie", "so", "es", "er", "sie", "wir", "ihr", "sein", "seine", "ihre", "dass",
            "noch", "nun", "jetzt", "mehr",
            "the", "a", "of", "and", "or", "to", "on", "for", "with", "at", "by", "from", "is", "are",
            "was", "be");

    private TextFold() {
    }

    /** Every word of {@code text}, folded, in order. */
    static List<String> words(String text) {
        String s = text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? MARKUP.matcher(text).replaceAll(" ") : text;
        if (!isAscii(s)) s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                fold(cp, word);
            } else if (!isMark(cp) && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        return words;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Appends one letter or digit lowercased, umlauts spelled out, other accents dropped. */
    private static void fold(int cp, StringBuilder word) {
        if (cp < 0x80) {
            word.append(Character.toLowerCase((char) cp));
            return;
        }
        String lower = new String(Character.toChars(cp)).toLowerCase(Locale.GERMAN);
        switch (lower) {
            case "ä" -> word.append("ae");
            case "ö" -> word.append("oe");
            case "ü" -> word.append("ue");
            case "ß" -> word.append("ss");
            default -> word.append(MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll(""));
        }
    }

    /** The words of {@code text} that carry meaning: {@link #words} without {@link #STOPWORDS}. */
    static List<String> significantWords(String text) {
        return words(text).stream().filter(w -> !STOPWORDS.contains(w)).toList();
    }

    /**
     * A short hash of the folded headline: equal for headlines that differ only in case, spacing,
     * punctuation or umlaut spelling. Used to recognise an item that moved to a new URL.
     */
    static String titleKey(String title) {
        return Sha256.hex(String.join(" ", words(title))).substring(0, TITLE_KEY_HEX_DIGITS);
    }
}
