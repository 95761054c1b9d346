package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemKeysTest {

    @Test
    void isTheSha256OfTheTypedGuidInLowercaseHex() {
        // printf 'guid:abc' | sha256sum
        assertThat(ItemKeys.key("abc", "https://example.org/a", "T", "D"))
                .isEqualTo("bbf9e2e923d6da2de6b96f16dec1b5c438b24280cefa71c70ff3e08cc7e935ca");
    }

    @Test
    void prefersGuidThenLinkThenTitleAndDate() {
        assertThat(ItemKeys.key(" abc ", "https://example.org/a", "T", "D")).isEqualTo(sha("guid:abc"));
        assertThat(ItemKeys.key("  ", "https://example.org/a", "T", "D")).isEqualTo(sha("link:https://example.org/a"));
        assertThat(ItemKeys.key("", "", "Neue  CIO\tfür den Freistaat ", " 07.02.2025"))
                .isEqualTo(sha("text:neue cio für den freistaat|07.02.2025"));
    }

    @Test
    void aGuidThatEqualsALinkDoesNotCollideWithThatLink() {
        String url = "https://example.org/a";
        assertThat(ItemKeys.key(url, "", "", "")).isNotEqualTo(ItemKeys.key("", url, "", ""));
    }

    @Test
    void ignoresCaseAndSpacingOfTitleAndDate() {
        assertThat(ItemKeys.key("", "", "Neue CIO", "7.2.2025"))
                .isEqualTo(ItemKeys.key("", "", "  neue   cio ", "7.2.2025 "))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void differentStoriesGetDifferentKeys() {
        assertThat(ItemKeys.key("", "", "Neue CIO", "7.2.2025")).isNotEqualTo(ItemKeys.key("", "", "Neue CIO", "8.2.2025"));
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
