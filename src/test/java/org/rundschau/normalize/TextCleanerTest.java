package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateParser DATES = new DateParser(BERLIN, Locale.GERMAN);
    private static final Instant FETCHED = Instant.parse("2025-02-08T09:00:00Z");

    @Test
    void decodesLeftoverEntities() {
        assertThat(TextCleaner.clean("Bits &amp; Bytes &#8222;digital&#8220; &uuml;ber &#x2013; alles"))
                .isEqualTo("Bits & Bytes „digital“ über – alles");
    }

    @Test
    void leavesTextWithoutEntitiesAlone() {
        assertThat(TextCleaner.clean("AT&T und R&D")).isEqualTo("AT&T und R&D");
    }

    @Test
    void collapsesWhitespaceAndRemovesInvisibleCharacters() {
        assertThat(TextCleaner.clean("  Digitali\u00ADsierung\u00A0im \n\t Rat\u200Bhaus\uFEFF\u2060 "))
                .isEqualTo("Digitalisierung im Rathaus");
    }

    @Test
    void removesCharactersXmlForbids() {
        String text = "a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i\u0085j";
        assertThat(TextCleaner.clean(text)).isEqualTo("abcdefghij");
    }

    @Test
    void keepsSupplementaryCharactersWhole() {
        assertThat(TextCleaner.clean("Rakete 🚀 startet")).isEqualTo("Rakete 🚀 startet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Die Weiterentwicklung läuft kontinuierlich. mehr...|Die Weiterentwicklung läuft kontinuierlich.",
        "Das Portal ist online. mehr …|Das Portal ist online.",
        "Das Portal ist online. Mehr…|Das Portal ist online.",
        "Das Portal ist online. Mehr lesen|Das Portal ist online.",
        "Das Portal ist online. weiterlesen|Das Portal ist online.",
        "Das Portal ist online. Weiterlesen »|Das Portal ist online.",
        "Das Portal ist online. weiter »|Das Portal ist online.",
        "The release is out. Read more|The release is out.",
        "The release is out. Read More »|The release is out.",
        "The release is out [...]|The release is out",
        "The release is out […]|The release is out",
        "The release is out. Continue reading →|The release is out.",
        "Das Portal ist online. [...] Weiterlesen »|Das Portal ist online.",
        "Configurable file caches, inline shortcodes, and more … Read More »|Configurable file caches, inline shortcodes, and more …",
    })
    void removesReadMoreTails(String text, String expected) {
        assertThat(TextCleaner.stripReadMore(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Das gibt es so nicht mehr", "Wie geht es weiter...", "Kinder sollten mehr lesen",
        "Mehr lesen: Die Bibliothek lädt ein", "We need more", "Lesen Sie mehr über das Projekt im Netz"})
    void keepsWordsThatOnlyLookLikeReadMore(String text) {
        assertThat(TextCleaner.stripReadMore(text)).isEqualTo(text);
    }

    @Test
    void cutsLongSummariesAtAWordWithAnEllipsis() {
        String text = "Eine Informationsplattform zur regionalen Digitalisierungsstrategie haben der Kreis online geschaltet.";
        String cut = TextCleaner.summary(text, 40);
        assertThat(cut).isEqualTo("Eine Informationsplattform zur…");
        assertThat(cut.length()).isLessThanOrEqualTo(40);
    }

    @Test
    void leavesShortSummariesUnchanged() {
        assertThat(TextCleaner.summary("Kurz und gut.", 300)).isEqualTo("Kurz und gut.");
    }

    @Test
    void cutsAWordlessTextHard() {
        assertThat(TextCleaner.summary("x".repeat(50), 10)).isEqualTo("xxxxxxxxx…");
    }

    @Test
    void derivesATitleFromTheFirstSentenceOrWords() {
        assertThat(TextCleaner.titleFrom("Hamburg hat eine Strategie. Sie gilt ab 2025.", 80))
                .isEqualTo("Hamburg hat eine Strategie");
        assertThat(TextCleaner.titleFrom("Im Frühjahr startet die neue Umsetzungsphase der Zukunftskommission "
                + "Digitales Bayern 5.0 mit vielen weiteren Maßnahmen", 80))
                .isEqualTo("Im Frühjahr startet die neue Umsetzungsphase der Zukunftskommission Digitales…");
    }

    @Test
    void findsABracketedDateStampAtTheStart() {
        var found = TextCleaner.leadingDate("[07.02.2025] Daniela Dylakiewicz ist neue CIO.", DATES, FETCHED);
        assertThat(found).isPresent();
        assertThat(found.get().date().instant()).isEqualTo(Instant.parse("2025-02-06T23:00:00Z"));
        assertThat(found.get().rest()).isEqualTo("Daniela Dylakiewicz ist neue CIO.");
    }

    @Test
    void findsANumericDateStampFollowedByASeparator() {
        var found = TextCleaner.leadingDate("07.02.2025 – Daniela Dylakiewicz ist neue CIO.", DATES, FETCHED);
        assertThat(found).map(TextCleaner.LeadingDate::rest).contains("Daniela Dylakiewicz ist neue CIO.");
    }

    @Test
    void ignoresDatesLaterInTheText() {
        assertThat(TextCleaner.leadingDate("Seit dem 07.02.2025 ist sie CIO.", DATES, FETCHED)).isEmpty();
        assertThat(TextCleaner.leadingDate("[Update] Seit dem 07.02.2025 ist sie CIO.", DATES, FETCHED)).isEmpty();
    }

    @Test
    void stripsALeadingStampOnlyWhenItIsTheItemsDate() {
        String text = "[07.02.2025] Daniela Dylakiewicz ist neue CIO.";
        assertThat(TextCleaner.stripLeadingDate(text, DATES, Instant.parse("2025-02-07T10:15:00Z"), BERLIN))
                .isEqualTo("Daniela Dylakiewicz ist neue CIO.");
        assertThat(TextCleaner.stripLeadingDate(text, DATES, Instant.parse("2025-02-09T10:15:00Z"), BERLIN))
                .isEqualTo(text);
    }

    @Test
    void sanitisesHtmlToAnAllowlistWithAbsoluteLinks() {
        String html = "<p onclick=\"evil()\">Neu: <a href=\"/portal\" onmouseover=\"x()\">Portal</a>"
                + "<script>alert(1)</script><iframe src=\"https://ads.example\"></iframe>"
                + "<img src=\"bild.png\" onerror=\"x()\"><style>p{}</style></p>"
                + "<form action=\"/x\"><input name=\"q\"></form><b>fett</b>";
        String clean = TextCleaner.sanitizeHtml(html, "https://www.kommune21.de/meldung/123");
        assertThat(clean).contains("<a href=\"https://www.kommune21.de/portal\">Portal</a>")
                .contains("<img src=\"https://www.kommune21.de/meldung/bild.png\">")
                .contains("<b>fett</b>")
                .doesNotContain("script", "iframe", "style", "form", "input", "onclick", "onmouseover", "onerror", "alert");
    }

    @Test
    void dropsJavascriptLinksFromHtml() {
        assertThat(TextCleaner.sanitizeHtml("<a href=\"javascript:alert(1)\">x</a>", "https://example.org/"))
                .isEqualTo("<a>x</a>");
    }

    @Test
    void removesATrailingReadMoreLinkFromHtml() {
        String html = "<p>Das Portal ist online. <a href=\"/artikel\">mehr...</a></p>";
        assertThat(TextCleaner.sanitizeHtml(html, "https://example.org/")).isEqualTo("<p>Das Portal ist online.</p>");
    }

    @Test
    void givesThePlainTextOfHtml() {
        assertThat(TextCleaner.htmlToText("<p>Bits &amp; <b>Bytes</b></p><p>im&nbsp;Rathaus</p>"))
                .isEqualTo("Bits & Bytes im Rathaus");
    }
}
