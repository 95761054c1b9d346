package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rundschau.model.Item;

/**
 * The content hash decides whether a known item changed, so it must never move for the same
 * content: a different hash for the same item would republish every stored entry as updated.
 */
class ContentHashTest {
    private static final String ALPHABET = "ab  \t\n\r\u000B\f\u001C\u001F\u0085\u00A0\u1680\u2000\u200A\u200B\u2028"
            + "\u2029\u202F\u205F\u3000äx";

    @Test
    void theHashOfAnItemIsPinned() {
        // computed outside Java: sha256("Sachsen\0Neue CIO für den Freistaat\0Der Freistaat ... Leipzig.\0text")
        Item item = new Item("kommune21", "k", "", Instant.parse("2025-02-07T08:00:00Z"), true, "Sachsen",
                "Neue  CIO für den\u00A0Freistaat ", " Der Freistaat hat eine neue CIO. Sie kommt aus Leipzig.", false,
                "https://www.kommune21.de/a");

        assertThat(ItemStore.contentHash(item)).isEqualTo("cd7a7b948db8ba9c17ae49715086cb4fb01238282692363fad89780a7484ee20");
    }

    @Test
    void collapsingByShortcutEqualsTheRegularExpression() {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            String s = text.toString();
            assertThat(ItemStore.collapse(s)).as("collapse %s", s.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(ItemStore.whitespacePattern().matcher(s).replaceAll(" ").strip());
        }
    }

    @Test
    void everyCharacterThePatternCallsWhitespaceIsSeenAsSuch() {
        Pattern single = Pattern.compile(ItemStore.whitespacePattern().pattern().replaceAll("\\+$", ""),
                ItemStore.whitespacePattern().flags());
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(ItemStore.isUnicodeWhitespace(c)).as("U+%04X", (int) c)
                    .isEqualTo(single.matcher(String.valueOf(c)).matches());
        }
    }
}
