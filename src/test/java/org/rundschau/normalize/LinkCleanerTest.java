package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkCleanerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTPS://WWW.Kommune21.DE/meldung/123|https://www.kommune21.de/meldung/123",
        "https://www.kommune21.de|https://www.kommune21.de/",
        "http://example.org:80/a|http://example.org/a",
        "https://example.org:443/a|https://example.org/a",
        "https://example.org:8443/a|https://example.org:8443/a",
        "http://example.org:443/a|http://example.org:443/a",
        "https://example.org/a#kommentare|https://example.org/a",
        "https://example.org/#!/artikel/5|https://example.org/#!/artikel/5",
        "https://example.org/app/#/news/101|https://example.org/app/#/news/101",
        "https://bücher.example/straße|https://xn--bcher-kva.example/stra%C3%9Fe",
        "https://example.org/neue meldung.html|https://example.org/neue%20meldung.html",
        "https://example.org/a%20b|https://example.org/a%20b",
        "https://example.org/a/./b/../c|https://example.org/a/c",
        "https://example.org/a/b/..|https://example.org/a/",
        "https://example.org/../../a|https://example.org/a",
        "https://example.org/a/.|https://example.org/a/",
        "http://us.rd.yahoo.com/rss/Milano/*http://weather.yahoo.com/f.html|http://us.rd.yahoo.com/rss/Milano/*http://weather.yahoo.com/f.html",
        "https://example.org//a//b/|https://example.org//a//b/",
        "https://example.org/a?utm_source=rss&utm_medium=feed|https://example.org/a",
        "https://example.org/a?|https://example.org/a",
        "https://example.org/a?id=5&utm_campaign=x&page=2&fbclid=abc|https://example.org/a?id=5&page=2",
        "https://example.org/a?b=2&a=1|https://example.org/a?b=2&a=1",
        "https://example.org/a?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&yclid=6&_hsenc=7&_hsmi=8&igshid=9&wt_mc=10&at_medium=11&pk_campaign=12&mtm_source=13|https://example.org/a",
        "https://example.org/a?UTM_Source=x&q=utm_source|https://example.org/a?q=utm_source",
        "https://example.org/s?q=a b&x[]=1|https://example.org/s?q=a%20b&x%5B%5D=1",
        "  https://example.org/a  |https://example.org/a",
        "https://user@Example.org/a|https://user@example.org/a",
        "https://[2001:DB8::1]:443/a|https://[2001:db8::1]/a",
    })
    void canonicalisesHttpLinks(String url, String expected) {
        assertThat(LinkCleaner.canonical(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.org/a#kommentare|https://example.org/a#kommentare",
        "https://news.example/item?id=3685#5134be9135a5|https://news.example/item?id=3685#5134be9135a5",
        "https://example.org/presse.html#Meldung 3|https://example.org/presse.html#Meldung%203",
        "https://example.org/app/#/news/101|https://example.org/app/#/news/101",
        "https://example.org/a#|https://example.org/a",
        "https://example.org/a#xtor=RSS-3|https://example.org/a",
        "https://example.org/a#utm_source=feed&utm_medium=rss|https://example.org/a",
        "https://example.org/a#page=2&xtor=RSS-3|https://example.org/a#page=2",
        "https://example.org/a#:~:text=Neue%20CIO|https://example.org/a",
        "https://example.org/a#teil-2:~:text=CIO|https://example.org/a#teil-2",
        "https://example.org/a#x#y|https://example.org/a#x%23y",
        "https://example.org/a?utm_source=x#kommentare|https://example.org/a#kommentare",
    })
    void aFragmentKeptIsCleanedOfWhatIdentifiesNothing(String url, String expected) {
        assertThat(LinkCleaner.canonical(url, true)).isEqualTo(expected);
    }

    @Test
    void onlyLinksThatDifferInTheirFragmentAloneKeepIt() {
        List<String> links = List.of(
                "https://stadt.example/presse#meldung-1", "https://stadt.example/presse#meldung-2",
                "https://stadt.example/presse",                          // the page itself: no reason either way
                "https://stadt.example/artikel/7#top",                   // alone on its page: #top identifies nothing
                "https://stadt.example/artikel/8#top", "https://stadt.example/artikel/8?utm_source=x#top",  // one item twice
                "https://stadt.example/app/#/news/101",                  // a route: kept anyway
                "https://stadt.example/seite#xtor=RSS-1", "https://stadt.example/seite#xtor=RSS-2");  // tracking only

        assertThat(LinkCleaner.anchored(links)).containsExactlyInAnyOrder(
                "https://stadt.example/presse#meldung-1", "https://stadt.example/presse#meldung-2");
        assertThat(LinkCleaner.anchored(List.of("https://stadt.example/artikel/8", "https://stadt.example/artikel/8#kommentare")))
                .as("a story and its comments").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  /relativ/pfad  '|/relativ/pfad",
        "mailto:redaktion@example.org|mailto:redaktion@example.org",
        "ftp://example.org/Datei|ftp://example.org/Datei",
        "kein link|kein link",
        "''|''",
        "https://|https://",
        "https://example.org:99999999999/a|https://example.org:99999999999/a",
    })
    void returnsOtherInputTrimmedAndOtherwiseUnchanged(String url, String expected) {
        assertThat(LinkCleaner.canonical(url)).isEqualTo(expected);
    }
}
