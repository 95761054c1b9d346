package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts that spare {@link TextCleaner} its regular expressions (issue 8) give exactly what
 * the expressions give, on random text built from the characters that matter to them.
 */
class TextCleanerShortcutsTest {
    private static final String ALPHABET = "ab .…»›→>])([nNeglrmhMore\t\n\r\u000B\f\u00A0\u1680\u2000\u200A\u2028\u2029"
            + "\u202F\u205F\u3000\u0085\u00AD\u200Bx,;:-–—sdik";
    private static final String[] TAILS = {"", " mehr...", " Weiterlesen »", " Read more", " [...]", " (…)", " weiter →",
            " Mehr erfahren", " Zum Artikel", " Lesen Sie mehr", " Continue reading", " mehr", ".", "..", " >>", "\u0085",
            " WEITERLESEN", " Weiter lesen", " Mehr lesen", " Read More", " Learn more", " Continue Reading", " lesen",
            " Wissen erfahren", " Artikel", " noch mehr", " Score", " einen", " Ruhe", " Zeitung", " Regel", " sehr"};

    @Test
    void collapsingWhitespaceByHandEqualsTheRegularExpression() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            assertThat(TextCleaner.collapseWhitespace(text))
                    .as("collapse %s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(TextCleaner.whitespacePattern().matcher(text).replaceAll(" "));
        }
    }

    @Test
    void everyCharacterTheWhitespacePatternMatchesIsCollapsible() {
        Pattern single = Pattern.compile(TextCleaner.whitespacePattern().pattern().replaceAll("\\+$", ""));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(TextCleaner.isCollapsibleSpace(c)).as("U+%04X", (int) c)
                    .isEqualTo(single.matcher(String.valueOf(c)).matches());
        }
    }

    @Test
    void readMoreShortcutNeverSkipsAMatch() {
        SplittableRandom random = new SplittableRandom(88);
        for (int i = 0; i < 20_000; i++) {
            String text = (randomText(random) + TAILS[random.nextInt(TAILS.length)]).strip();
            if (!TextCleaner.mayEndInReadMore(text)) {
                assertThat(TextCleaner.readMorePattern().matcher(text).find()).as("'%s'", text).isFalse();
            }
        }
    }

    @Test
    void trimmingTrailingPunctuationByShortcutEqualsTheRegularExpression() {
        SplittableRandom random = new SplittableRandom(888);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            assertThat(TextCleaner.trimTrailingPunctuation(text))
                    .as("trim %s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(TextCleaner.trailingPunctuationPattern().matcher(text).replaceAll(""));
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] {"Wort" + c, "Wort, " + c, "Wort -" + c}) {
                assertThat(TextCleaner.trimTrailingPunctuation(text)).as("U+%04X", (int) c)
                        .isEqualTo(TextCleaner.trailingPunctuationPattern().matcher(text).replaceAll(""));
            }
        }
    }

    @Test
    void aSentenceEndingInOneFullStopIsLeftAlone() {
        assertThat(TextCleaner.mayEndInReadMore("Der Rat hat entschieden.")).isFalse();
        assertThat(TextCleaner.stripReadMore("Der Rat hat entschieden.")).isEqualTo("Der Rat hat entschieden.");
        assertThat(TextCleaner.stripReadMore("Der Rat hat entschieden. mehr...")).isEqualTo("Der Rat hat entschieden.");
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < length; k++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return text.toString();
    }
}
