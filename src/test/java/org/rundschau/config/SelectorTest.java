package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            a.more@href              => a.more              => href
            time@datetime            => time                => datetime
            a[rel=bookmark]@title    => a[rel=bookmark]     => title
            div.news > a@data-id     => div.news > a        => data-id
            a[href*=@]@href          => a[href*=@]          => href
            "  h2 a@href  "          => h2 a                => href
            """)
    void splitsATrailingAttributeFromTheCss(String text, String css, String attr) {
        Selector selector = Selector.parse(text);

        assertThat(selector).isEqualTo(new Selector(css, attr));
        assertThat(selector.readsAttribute()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            h2                   => h2
            a[href*=@]           => a[href*=@]
            a[title=x@y]         => a[title=x@y]
            p:contains(me@home)  => p:contains(me@home)
            "  p.teaser "        => p.teaser
            """)
    void keepsAnAtSignInsideBracketsAsPartOfTheCss(String text, String css) {
        Selector selector = Selector.parse(text);

        assertThat(selector).isEqualTo(new Selector(css, ""));
        assertThat(selector.readsAttribute()).isFalse();
    }

    @Test
    void printsBackAsWritten() {
        assertThat(Selector.parse("a.more@href")).hasToString("a.more@href");
        assertThat(Selector.parse("h2")).hasToString("h2");
    }

    @Test
    void noneIsAbsent() {
        assertThat(Selector.NONE.isPresent()).isFalse();
        assertThat(Selector.parse("h2").isPresent()).isTrue();
    }
}
