package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    /** Friday 2025-02-07, 11:00 in Berlin. */
    private static final Instant REFERENCE = Instant.parse("2025-02-07T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Optional<ParsedDate> parse(String zone, String locale, String text) {
        return new DateParser(ZoneId.of(zone), Locale.forLanguageTag(locale)).parse(text, REFERENCE);
    }

    private static Optional<ParsedDate> german(String text) {
        return parse("Europe/Berlin", "de", text);
    }

    private static void assertDate(Optional<ParsedDate> parsed, String expected, boolean hasTime) {
        assertThat(parsed).as("parsed").isPresent();
        assertThat(parsed.get().instant()).as("instant of %s", parsed.get()).isEqualTo(OffsetDateTime.parse(expected).toInstant());
        assertThat(parsed.get().hasTime()).as("hasTime of %s", parsed.get()).isEqualTo(hasTime);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "07.02.2025         | 2025-02-07T00:00+01:00",
            "7.2.25             | 2025-02-07T00:00+01:00",
            "4.02.2022          | 2022-02-04T00:00+01:00",
            "2025-02-07         | 2025-02-07T00:00+01:00",
            "2025/02/07         | 2025-02-07T00:00+01:00",
            "07-02-2025         | 2025-02-07T00:00+01:00",
            "31/08/2019         | 2019-08-31T00:00+02:00",
            "02/07/2025         | 2025-07-02T00:00+02:00",
            "29.02.2024         | 2024-02-29T00:00+01:00",
            "https://example.org/2025/02/07/titel | 2025-02-07T00:00+01:00"})
    void readsNumericDatesDayFirstOnGermanPagesAsMidnightInTheZone(String text, String expected) {
        assertDate(german(text), expected, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mittwoch, 01. November 2023               | 2023-11-01T00:00+01:00",
            "Mi, 18. Oktober 2023                      | 2023-10-18T00:00+02:00",
            "Fr., 07.02.2025                           | 2025-02-07T00:00+01:00",
            "Stand: 07.02.2025                         | 2025-02-07T00:00+01:00",
            "Veröffentlicht am 07.02.2025              | 2025-02-07T00:00+01:00",
            "Aktualisiert: 30.12.2016                  | 2016-12-30T00:00+01:00",
            "Erstellt am Dienstag 6. Mai 2014          | 2014-05-06T00:00+02:00",
            "Posted on February 7, 2025                | 2025-02-07T00:00+01:00",
            "Datum: 22.12.2012, Rubrik: USA            | 2012-12-22T00:00+01:00",
            "[07.02.2025] Das Land startet ein Portal  | 2025-02-07T00:00+01:00",
            "(Lancet Respiratory Medicine, 20.2.20)    | 2020-02-20T00:00+01:00",
            "1.000 Teilnehmer am 12.03.2024            | 2024-03-12T00:00+01:00",
            "Artikel vom 07.02.2025 (Update 08.02.2025) | 2025-02-07T00:00+01:00",
            "13. bis 19. Oktober 2023                  | 2023-10-19T00:00+02:00"})
    void findsTheFirstCompleteDateBehindWeekdaysLabelsAndInsideText(String text, String expected) {
        assertDate(german(text), expected, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de | 07.02.2025 14:30                       | 2025-02-07T14:30+01:00",
            "de | 07.02.2025 14:30:15                    | 2025-02-07T14:30:15+01:00",
            "de | 07.02.2025, 14.30 Uhr                  | 2025-02-07T14:30+01:00",
            "de | Veröffentlicht am 07.02.2025 um 10.30 Uhr | 2025-02-07T10:30+01:00",
            "de | Fr, 07.02.2025 - 14:30                 | 2025-02-07T14:30+01:00",
            "de | '23.09.20 | 18:19'                     | 2020-09-23T18:19+02:00",
            "de | 7. Februar 2025 um 10 Uhr              | 2025-02-07T10:00+01:00",
            "de | 14:30 Uhr, 07.02.2025                  | 2025-02-07T14:30+01:00",
            "de | 07.02.2025, 12:00 am Rathaus           | 2025-02-07T12:00+01:00",
            "de | 07.02.2025 10:00-12:00 Uhr             | 2025-02-07T10:00+01:00",
            "en | Feb 7, 2025 6:09 AM                    | 2025-02-07T06:09+01:00",
            "en | Feb 7, 2025 4:56 p.m.                  | 2025-02-07T16:56+01:00",
            "en | Feb 7, 2025, 8:19 pm                   | 2025-02-07T20:19+01:00",
            "en | Feb 7, 2025 12:51 AM                   | 2025-02-07T00:51+01:00",
            "en | Feb 7, 2025 12:00 am                   | 2025-02-07T00:00+01:00",
            "en | Feb 7, 2025 12:15 PM                   | 2025-02-07T12:15+01:00",
            "en | Feb 7, 2025 5 pm                       | 2025-02-07T17:00+01:00",
            "en | 12:30 pm, Feb 7, 2025                  | 2025-02-07T12:30+01:00"})
    void readsTheTimeThatBelongsToTheDate(String locale, String text, String expected) {
        assertDate(parse("Europe/Berlin", locale, text), expected, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de | 30. Okt. 2023         | 2023-10-30",
            "de | 31 Okt 2023           | 2023-10-31",
            "de | 15.November 2021      | 2021-11-15",
            "de | 3. Mär. 2024          | 2024-03-03",
            "de | 3. März 2024          | 2024-03-03",
            "de | 3. MÄRZ 2024          | 2024-03-03",
            "de | 3. Maerz 2024         | 2024-03-03",
            "de | 5. Sept. 2024         | 2024-09-05",
            "de | 2. Jänner 2024        | 2024-01-02",
            "de | 2. Jän. 2024          | 2024-01-02",
            "de | Dezember 29, 2021     | 2021-12-29",
            "de | 7 February 2025       | 2025-02-07",
            "en | Feb 7, 2025           | 2025-02-07",
            "en | February 7th, 2025    | 2025-02-07",
            "en | 7th of February 2025  | 2025-02-07",
            "en | Friday, Nov. 3, 2023  | 2023-11-03",
            "en | Thu, Nov 2, 2023      | 2023-11-02",
            "en | 7. Februar 2025       | 2025-02-07",
            "it | mer, 16 nov 2022      | 2022-11-16",
            "it | 16 novembre 2022      | 2022-11-16",
            "fr | 16 février 2022       | 2022-02-16",
            "es | 7 de febrero de 2025  | 2025-02-07",
            "el | Τετ, 16 Νοε 2022      | 2022-11-16"})
    void readsMonthNamesFullAndAbbreviatedInSeveralLanguages(String locale, String text, String date) {
        Optional<ParsedDate> parsed = parse("UTC", locale, text);
        assertDate(parsed, date + "T00:00Z", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"16 ноября 2022", "2022年11月16日", "١٦ نوفمبر ٢٠٢٢", "Παρασκευή, 7 Φεβρουαρίου", "ß€\u0000\uFFFF", ""})
    void neverFailsOnOtherScripts(String text) {
        assertThatCode(() -> german(text)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fri, 07 Feb 2025 14:30:00 GMT           | 2025-02-07T14:30Z",
            "Fri, 07 Feb 2025 14:30:00 UTC           | 2025-02-07T14:30Z",
            "Fri, 07 Feb 2025 14:30:00 Z             | 2025-02-07T14:30Z",
            "Fri, 07 Feb 2025 14:30:00 +0000         | 2025-02-07T14:30Z",
            "Fri, 07 Feb 2025 14:30:00 -0500         | 2025-02-07T14:30-05:00",
            "Fri, 07 Feb 2025 14:30 CET              | 2025-02-07T14:30+01:00",
            "Fri, 07 Feb 2025 14:30 CEST             | 2025-02-07T14:30+02:00",
            "Fri, 07 Feb 2025 14:30 MEZ              | 2025-02-07T14:30+01:00",
            "Fri, 07 Feb 2025 14:30 MESZ             | 2025-02-07T14:30+02:00",
            "Fri, 07 Feb 2025 14:30 EST              | 2025-02-07T14:30-05:00",
            "Fri, 07 Feb 2025 14:30 EDT              | 2025-02-07T14:30-04:00",
            "Fri, 07 Feb 2025 14:30 PST              | 2025-02-07T14:30-08:00",
            "Fri, 07 Feb 2025 14:30 PDT              | 2025-02-07T14:30-07:00",
            "Fri, 07 Feb 2025 14:30 ET               | 2025-02-07T14:30-05:00",
            "Thu, 07 Aug 2025 14:30 ET               | 2025-08-07T14:30-04:00",
            "Thu, 01 Jan 04 19:48:21 GMT             | 2004-01-01T19:48:21Z",
            "Fri Feb 07 14:30:00 CET 2025            | 2025-02-07T14:30+01:00",
            "Thu Aug 30 2012 17:26:16 +0200          | 2012-08-30T17:26:16+02:00",
            "07.02.2025 14:30 GMT+3                  | 2025-02-07T14:30+03:00",
            "07.02.2025 14:30 Uhr (MESZ)             | 2025-02-07T14:30+02:00",
            "2025-02-07T14:30:00.123+01:00           | 2025-02-07T14:30:00.123+01:00",
            "2025-02-07T14:30:00Z                    | 2025-02-07T14:30Z",
            "2025-02-07T14:30-05:00                  | 2025-02-07T14:30-05:00",
            "2025-02-07T14:30:00,5+0530              | 2025-02-07T14:30:00.5+05:30"})
    void aWrittenZoneOrOffsetWinsOverTheSourceZone(String text, String expected) {
        assertDate(parse("Asia/Tokyo", "en", text), expected, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Europe/Berlin | 07.02.2025 14:30         | 2025-02-07T14:30+01:00",
            "Europe/Berlin | 29. Juni 2017, 23:39     | 2017-06-29T23:39+02:00",
            "Europe/Berlin | 2025-02-07 14:30         | 2025-02-07T14:30+01:00",
            "Europe/Berlin | 2025-08-07T14:30         | 2025-08-07T14:30+02:00",
            "Europe/Vienna | 09.08.2013, 06:00        | 2013-08-09T06:00+02:00",
            "Europe/Vienna | 5. Jänner 2023, 06:00    | 2023-01-05T06:00+01:00",
            "Europe/Zurich | 07.11.2023, 10.55 Uhr    | 2023-11-07T10:55+01:00",
            "Europe/Zurich | 14.07.2023 um 09:25      | 2023-07-14T09:25+02:00",
            "Europe/Berlin | 30.03.2025 02:30         | 2025-03-30T03:30+02:00",
            "Europe/Berlin | 26.10.2025 02:30         | 2025-10-26T02:30+02:00"})
    void localTimesTakeTheDaylightSavingOffsetOfTheirDate(String zone, String text, String expected) {
        assertDate(parse(zone, "de", text), expected, true);
    }

    @Test
    void aDateWithoutTimeIsMidnightInTheZoneWhateverTheReference() {
        DateParser parser = new DateParser(BERLIN, Locale.GERMAN);
        Optional<ParsedDate> early = parser.parse("01.07.2025", Instant.parse("2000-01-01T00:00:00Z"));
        Optional<ParsedDate> late = parser.parse("01.07.2025", Instant.parse("2030-12-31T23:00:00Z"));
        assertThat(early).isEqualTo(late);
        assertDate(early, "2025-06-30T22:00Z", false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "heute, 10:30 Uhr    | 2025-02-07T10:30+01:00 | true",
            "heute               | 2025-02-07T00:00+01:00 | false",
            "gestern             | 2025-02-06T00:00+01:00 | false",
            "gestern, 18:05      | 2025-02-06T18:05+01:00 | true",
            "vorgestern          | 2025-02-05T00:00+01:00 | false",
            "vor 3 Stunden       | 2025-02-07T07:00Z      | true",
            "vor 1 Stunde        | 2025-02-07T09:00Z      | true",
            "vor einer Stunde    | 2025-02-07T09:00Z      | true",
            "Aktualisiert: vor 20 Stunden | 2025-02-06T14:00Z | true",
            "vor 5 Minuten       | 2025-02-07T09:55Z      | true",
            "vor 2 Tagen         | 2025-02-05T00:00+01:00 | false",
            "vor 2 Wochen        | 2025-01-24T00:00+01:00 | false",
            "vor 3 Monaten       | 2024-11-07T00:00+01:00 | false",
            "today               | 2025-02-07T00:00+01:00 | false",
            "yesterday           | 2025-02-06T00:00+01:00 | false",
            "yesterday at 5:30 pm | 2025-02-06T17:30+01:00 | true",
            "6 hours ago         | 2025-02-07T04:00Z      | true",
            "an hour ago         | 2025-02-07T09:00Z      | true",
            "2 days ago          | 2025-02-05T00:00+01:00 | false",
            "3 weeks ago         | 2025-01-17T00:00+01:00 | false"})
    void countsRelativeDatesBackFromTheReferenceInTheSourceZone(String text, String expected, boolean hasTime) {
        Optional<ParsedDate> parsed = parse("Europe/Berlin", "de", text);
        assertDate(parsed, expected, hasTime);
        assertThat(parsed.get().format()).startsWith("relative");
    }

    @Test
    void relativeDaysFollowTheSourceZoneNotUtc() {
        Instant justAfterBerlinMidnight = Instant.parse("2025-02-06T23:30:00Z");
        Optional<ParsedDate> yesterday = new DateParser(BERLIN, Locale.GERMAN).parse("gestern", justAfterBerlinMidnight);
        assertDate(yesterday, "2025-02-06T00:00+01:00", false);
    }

    @Test
    void aCalendarDateBeatsARelativeWordInTheSameText() {
        assertDate(german("Heute im Rathaus: Sitzung vom 05.02.2025"), "2025-02-05T00:00+01:00", false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de    | 02/07/2025 | 2025-07-02",
            "en-GB | 02/07/2025 | 2025-07-02",
            "en-US | 02/07/2025 | 2025-02-07",
            "en    | 02/07/2025 | 2025-02-07",
            "en-US | 31/08/2019 | 2019-08-31",
            "de    | 12/30/2019 | 2019-12-30",
            "en    | 5/5/20     | 2020-05-05"})
    void slashedDatesAreDayFirstExceptOnUsEnglishPagesUnlessANumberAbove12Decides(String locale, String text, String date) {
        assertDate(parse("UTC", locale, text), date + "T00:00Z", false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.1.00   | 2000-01-01",
            "01.01.69 | 2069-01-01",
            "01.01.70 | 1970-01-01",
            "31.12.99 | 1999-12-31"})
    void twoDigitYearsBelow70AreThisCenturyTheRestTheLast(String text, String date) {
        assertDate(parse("UTC", "de", text), date + "T00:00Z", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Stand 15.November", "November 2021", "13. bis 19. Oktober",
            "FAQs Betrieblicher Infektionsschutz Nr. 1.1.12 und 1.1.13", "Abs. 2.3.19 und 4.5.19",
            "§ 1.2.20", "Kapitel 3.4.21", "Version 11.6", "2.1.0", "Release 2.1.10", "v1.2.20",
            "192.168.1.1", "1.1.12.3", "31.02.2025", "29.02.2025", "31.04.2025", "00.01.2025", "07.13.2025",
            "14:30", "14:30 Uhr", "um 10.30 Uhr", "1. Januar 70", "20250207", "Tel. 0711 12.34.56", "",
            "   ", "Sonntag, 9. Febuar 2025"})
    void returnsEmptyWhenThereIsNoCompleteDate(String text) {
        assertThat(german(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "07.02.2025 14:30                 | dd.MM.yyyy HH:mm",
            "7. Feb. 2025                     | d. MMM. yyyy",
            "Fri, 07 Feb 2025 14:30:00 +0100  | RFC 1123 HH:mm:ss zone",
            "2025-02-07T14:30:00.123+01:00    | yyyy-MM-dd HH:mm:ss.SSS zone",
            "vor 3 Stunden                    | relative"})
    void namesTheRuleThatMatchedForDiagnostics(String text, String format) {
        assertThat(german(text)).map(ParsedDate::format).contains(format);
    }

    @Test
    void readsNoBreakSpacesAndLongWhitespaceLikePlainSpaces() {
        assertDate(german("7.\u00A0Februar\u202F2025\n\n\t   14:30"), "2025-02-07T14:30+01:00", true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyyMMdd                  | Ausgabe 20250207       | 2025-02-07T00:00+01:00 | false",
            "MM/dd/yyyy                | 02/07/2025             | 2025-02-07T00:00+01:00 | false",
            "dd.MM.yyyy HH:mm          | Stand: 07.02.2025 14:30 | 2025-02-07T14:30+01:00 | true",
            "EEEE, d. MMMM yyyy        | Freitag, 7. Februar 2025 | 2025-02-07T00:00+01:00 | false",
            "yyyy-MM-dd'T'HH:mmXXX     | 2025-02-07T14:30-05:00 | 2025-02-07T14:30-05:00 | true",
            "yyyyMMdd                  | 08.02.2025             | 2025-02-08T00:00+01:00 | false"})
    void aSourcePatternIsTriedFirstThenTheBuiltInRules(String pattern, String text, String expected, boolean hasTime) {
        DateParser parser = DateParser.withPattern(pattern, BERLIN, Locale.GERMAN);
        assertDate(parser.parse(text, REFERENCE), expected, hasTime);
    }

    @Test
    void aSourcePatternNeverInventsADayTheCalendarLacks() {
        DateParser parser = DateParser.withPattern("yyyyMMdd", BERLIN, Locale.GERMAN);
        assertThat(parser.parse("20250231", REFERENCE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dd.MM.yyyy {", "dd.MM.yyyy ppp", "HH:mm", "MMMM yyyy", " "})
    void rejectsAPatternThatCannotGiveADateWithAMessageQuotingIt(String pattern) {
        assertThatThrownBy(() -> DateParser.withPattern(pattern, BERLIN, Locale.GERMAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date-format")
                .hasMessageContaining(pattern.isBlank() ? "blank" : "'" + pattern + "'");
    }

    @Test
    void parsedDateRequiresAFormatName() {
        assertThatThrownBy(() -> new ParsedDate(REFERENCE, false, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
