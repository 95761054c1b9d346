package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final String FEED = """
            feed:
              title: T
              id: "tag:example.org,2026:feed"
            """;

    @TempDir
    Path dir;

    private Path file;

    @Test
    void loadsEveryKeyIntoRecords() throws Exception {
        AppConfig config = load("""
                feed:
                  title: "Kommunale Digitalnachrichten"
                  id: "tag:rundschau.example.org,2026:combined"
                  self: "https://news.example.org/feed.atom"
                  entries: 50
                  link: "https://news.example.org/"
                  per-source: 10
                  hub: "https://hub.example.org/"
                output: out/public
                database: out/rundschau.db
                timezone: Europe/Vienna
                locale: de-AT
                schedule: "every 2h"
                regions:
                  Nordrhein-Westfalen: [NRW, NW]
                  Rhein-Sieg-Kreis:
                  Bayern: []
                sources:
                  - id: kommune21
                    name: Kommune21
                    url: https://www.kommune21.de/
                    region: Rheinland-Pfalz
                    timezone: Europe/Berlin
                    locale: de
                    schedule: "0 0/15 6-22 * * ?"
                    html:
                      item: "div.news"
                      title: "h2"
                      link: "a.more@href"
                      date: "time@datetime"
                      summary: "p.teaser"
                      region: ".kicker"
                  - id: heise
                    url: https://www.heise.de/rss/heise-atom.xml
                """);

        assertThat(config.file()).isEqualTo(file);
        assertThat(config.feed()).isEqualTo(new FeedConfig("Kommunale Digitalnachrichten",
                "tag:rundschau.example.org,2026:combined", "https://news.example.org/feed.atom", 50,
                "https://news.example.org/", 10, "https://hub.example.org/"));
        assertThat(config.output()).isEqualTo(Path.of("out/public"));
        assertThat(config.database()).isEqualTo(new DatabaseConfig.Sqlite(Path.of("out/rundschau.db")));
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Vienna"));
        assertThat(config.locale()).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(config.schedule().interval()).isEqualTo(Duration.ofHours(2));
        assertThat(config.regions()).isEqualTo(Map.of("Nordrhein-Westfalen", List.of("NRW", "NW"),
                "Rhein-Sieg-Kreis", List.of(), "Bayern", List.of()));
        assertThat(config.sources()).containsExactly(
                new SourceConfig("kommune21", "Kommune21", URI.create("https://www.kommune21.de/"), SourceKind.HTML,
                        "Rheinland-Pfalz", ZoneId.of("Europe/Berlin"), Locale.forLanguageTag("de"),
                        Schedule.parse("0 0/15 6-22 * * ?"),
                        new SelectorRules(new Selector("div.news", ""), new Selector("h2", ""),
                                new Selector("a.more", "href"), new Selector("time", "datetime"),
                                new Selector("p.teaser", ""), new Selector(".kicker", ""))),
                new SourceConfig("heise", "heise", URI.create("https://www.heise.de/rss/heise-atom.xml"),
                        SourceKind.FEED, "", ZoneId.of("Europe/Vienna"), Locale.forLanguageTag("de-AT"),
                        Schedule.parse("every 2h"), null, false, "", SourceConfig.DEFAULT_SUMMARY_LENGTH));
    }

    @Test
    void readsDateFormatSummaryLengthAndTimeSelectorAndKnowsWhichSourcesSetALocale() throws Exception {
        AppConfig config = load(FEED + """
                locale: de
                summary-length: 200
                sources:
                  - id: blog
                    url: https://blog.example.org/
                    date-format: "d. MMMM yyyy"
                    summary-length: 500
                    html: {item: div.post, title: h2, link: h2 a, date: .entry-date, time: "a[rel=bookmark]@title"}
                  - id: news
                    url: https://news.example.org/feed.xml
                    locale: en
                """);

        SourceConfig blog = config.source("blog").orElseThrow();
        assertThat(blog.dateFormat()).isEqualTo("d. MMMM yyyy");
        assertThat(blog.summaryLength()).isEqualTo(500);
        assertThat(blog.selectors().time()).isEqualTo(new Selector("a[rel=bookmark]", "title"));
        assertThat(blog.locale()).isEqualTo(Locale.forLanguageTag("de"));
        assertThat(blog.localeExplicit()).isFalse();
        SourceConfig news = config.source("news").orElseThrow();
        assertThat(news.dateFormat()).isEmpty();
        assertThat(news.summaryLength()).isEqualTo(200);
        assertThat(news.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(news.localeExplicit()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Europe/Berlin", "UTC", "GMT", "Etc/UTC", "+01:00", "NZ", "America/Indiana/Knox"})
    void takesARegionNameOrUtcAsTimezone(String zone) {
        assertThat(ConfigValues.timezone(zone)).isEqualTo(ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"YYYY-'W'ww-e", "yyyy-DDD", "'Datum:' dd.MM.yyyy 'um' HH:mm", "[EEEE, ]dd.MM.yyyy",
            "dd.MM.yyyy['T'HH:mm]", "'[YY]' dd.MM.yyyy"})
    void takesADateFormatWhoseLettersAreMeantAsWritten(String pattern) {
        assertThat(ConfigValues.dateFormat(pattern, Locale.GERMAN)).isEqualTo(pattern);
    }

    @Test
    void reportsABadGlobalSummaryLengthOnItsLine() {
        List<String> problems = problemsIn(FEED + """
                summary-length: 0
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(problems).containsExactly(at(4, "summary-length: must be at least 1, got 0"));
    }

    @Test
    void loadsTheExampleFromTheConfigurationReference() throws Exception {
        String reference = Files.readString(Path.of("docs/configuration.md"));
        int start = reference.indexOf("```yaml\n") + "```yaml\n".length();
        AppConfig config = load(reference.substring(start, reference.indexOf("```", start)));

        assertThat(config.sources()).extracting(SourceConfig::id, SourceConfig::kind)
                .containsExactly(tuple("kommune21", SourceKind.HTML), tuple("stadtblog", SourceKind.HTML),
                        tuple("egov-blog", SourceKind.FEED));
    }

    @Test
    void fillsInDefaultsForOmittedKeys() throws Exception {
        AppConfig config = load(FEED + """
                sources:
                  - id: kommune21
                    url: https://www.kommune21.de/
                    html: { item: article, title: h2 a, link: h2 a }
                """);

        assertThat(config.feed().self()).isEmpty();
        assertThat(config.feed().entries()).isEqualTo(100);
        assertThat(config.feed().link()).isEmpty();
        assertThat(config.feed().perSource()).isEqualTo(25);
        assertThat(config.feed().hub()).isEmpty();
        assertThat(config.output()).isEqualTo(Path.of("public"));
        assertThat(config.database()).isEqualTo(new DatabaseConfig.Sqlite(Path.of("data/rundschau.db")));
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.locale()).isEqualTo(Locale.forLanguageTag("de"));
        assertThat(config.schedule().interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.regions()).isEmpty();
        SourceConfig source = config.source("kommune21").orElseThrow();
        assertThat(source.name()).isEqualTo("kommune21");
        assertThat(source.region()).isEmpty();
        assertThat(source.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(source.locale()).isEqualTo(Locale.forLanguageTag("de"));
        assertThat(source.schedule()).isEqualTo(config.schedule());
        assertThat(source.selectors().date()).isEqualTo(Selector.NONE);
        assertThat(source.selectors().summary()).isEqualTo(Selector.NONE);
        assertThat(source.selectors().region()).isEqualTo(Selector.NONE);
        assertThat(source.selectors().time()).isEqualTo(Selector.NONE);
        assertThat(source.localeExplicit()).isFalse();
        assertThat(source.dateFormat()).isEmpty();
        assertThat(source.summaryLength()).isEqualTo(300);
    }

    @Test
    void treatsAKeyWithoutValueAsOmitted() throws Exception {
        AppConfig config = load(FEED + """
                timezone:
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                    schedule: ~
                """);

        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.sources().get(0).schedule()).isEqualTo(config.schedule());
    }

    @Test
    void keepsRelativePathsRelativeToTheCurrentDirectoryNotTheConfigFolder() throws Exception {
        AppConfig config = load(FEED + """
                output: public
                database: data/rundschau.db
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(config.output()).isEqualTo(Path.of("public")).isNotEqualTo(dir.resolve("public"));
        assertThat(config.database()).isEqualTo(new DatabaseConfig.Sqlite(Path.of("data/rundschau.db")));
    }

    @Test
    void namesTheFileAsTheCallerGaveIt() throws Exception {
        Path absolute = dir.resolve("rundschau.yaml");
        Files.writeString(absolute, "feed: [x]\n");
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(relative));

        assertThat(e.problems()).first().asString().startsWith(relative + ":1: feed: ");
    }

    @Test
    void reportsAMissingFileAsOneProblemWithoutLine() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));

        assertThat(e.problems()).containsExactly(missing + ": cannot read: no such file");
    }

    @Test
    void reportsAFileThatIsNotUtf8() throws IOException {
        file = dir.resolve("latin1.yaml");
        Files.write(file, "feed:\n  title: Stra\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.problems()).containsExactly(file + ": cannot read: not UTF-8 text; save the file as UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            timezone: Europe/Berln   => timezone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?
            locale: xx               => locale: unknown locale 'xx'; use a BCP 47 language tag such as 'de', 'en' or 'de-AT'
            schedule: every 1m       => schedule: schedule 'every 1m' is shorter than the minimum of 5 minutes
            output: [a, b]           => output: expected a single value, got a list
            regions: [NRW]           => regions: expected 'key: value' lines, got a list
            sourcs: []               => unknown key 'sourcs'; did you mean 'sources'?
            colour: red              => unknown key 'colour' (allowed here: feed, output, database, database-user, database-password, cluster, timezone, locale, schedule, summary-length, fetch, regions, sources, dedup, retention)
            <<: {timezone: UTC}      => YAML merge keys ('<<') are not supported; write the keys out
            """)
    void reportsABadTopLevelValueOnItsLine(String line, String message) {
        List<String> problems = problemsIn(line + "\n" + FEED + """
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(problems).containsExactly(at(1, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            entries: many     => feed.entries: expected a whole number, got 'many'
            entries: 2.5      => feed.entries: expected a whole number, got '2.5'
            entries: 0        => feed.entries: must be at least 1, got 0
            self: /feed.atom  => feed.self: '/feed.atom' is not an absolute URL; start it with https://
            link: index.html  => feed.link: 'index.html' is not an absolute URL; start it with https://
            per-source: 0     => feed.per-source: must be at least 1, got 0
            hub: ftp://h.example.org/ => feed.hub: 'ftp://h.example.org/' is not an http:// or https:// URL
            hub: https://hub.example.org/ => feed.hub: needs feed.self: the hub announces the feed's public address
            titel: X          => feed: unknown key 'titel'; did you mean 'title'?
            title: Again      => feed: duplicate key 'title' (first on line 2); keep only one of them
            """)
    void reportsABadFeedValueOnItsLine(String line, String message) {
        List<String> problems = problemsIn(FEED + "  " + line + "\n" + """
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(problems).containsExactly(at(4, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            combined           => feed.id: 'combined' is not an absolute URI; use a tag: URI that never changes, e.g. 'tag:news.example.org,2026:feed'
            tag:a b            => feed.id: 'tag:a b' is not a valid URI: it contains a space; write spaces as %20
            not a uri          => feed.id: 'not a uri' is not an absolute URI; use a tag: URI that never changes, e.g. 'tag:news.example.org,2026:feed'
            Kommunale News     => feed.id: 'Kommunale News' is not an absolute URI; use a tag: URI that never changes, e.g. 'tag:news.example.org,2026:feed'
            /feed.atom         => feed.id: '/feed.atom' is not an absolute URI; use a tag: URI that never changes, e.g. 'tag:news.example.org,2026:feed'
            http://[x          => feed.id: 'http://[x' is not a valid URI: expected closing bracket for ipv6 address
            [tag:x]            => feed.id: expected a single value, got a list
            ''                 => feed.id: must not be empty
            """)
    void reportsAnUnusableFeedId(String id, String message) {
        List<String> problems = problemsIn("""
                feed:
                  title: T
                  id: %s
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """.formatted(id));

        assertThat(problems).containsExactly(at(3, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            ftp://example.org/feed => sources[0].url: 'ftp://example.org/feed' is not an http:// or https:// URL
            www.example.org/feed   => sources[0].url: 'www.example.org/feed' is not an absolute URL; start it with https://
            https://exa mple.org/  => sources[0].url: 'https://exa mple.org/' is not a valid URL: its host 'exa mple.org' contains a space, and host names cannot contain spaces; remove it
            http://exa mple.org    => sources[0].url: 'http://exa mple.org' is not a valid URL: its host 'exa mple.org' contains a space, and host names cannot contain spaces; remove it
            https://example.org/a b.html => sources[0].url: 'https://example.org/a b.html' is not a valid URL: it contains a space; write spaces as %20
            https://example.org/?q=a b   => sources[0].url: 'https://example.org/?q=a b' is not a valid URL: it contains a space; write spaces as %20
            https://exa^mple.org/  => sources[0].url: 'https://exa^mple.org/' is not a valid URL: illegal character in authority
            https:///feed          => sources[0].url: 'https:///feed' has no valid host name
            [https://example.org/] => sources[0].url: expected a single value, got a list
            ''                     => sources[0].url: must not be empty
            """)
    void reportsABadSourceUrl(String url, String message) {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: a
                    url: %s
                """.formatted(url));

        assertThat(problems).containsExactly(at(6, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            schedule: every 1m       => sources[0].schedule: schedule 'every 1m' is shorter than the minimum of 5 minutes
            schedule: sometimes      => sources[0].schedule: schedule 'sometimes' is neither 'every N(m|h|d)' nor a valid Quartz cron expression (e.g. '0 0/30 * * * ?')
            schedule: "*/30 * * * *" => sources[0].schedule: schedule '*/30 * * * *' looks like a Unix cron expression; Quartz needs a seconds field first and '?' in day-of-month or day-of-week: write '0 */30 * * * ?'
            schedule: "0 0 * * * *"  => sources[0].schedule: schedule '0 0 * * * *' sets both day-of-month and day-of-week; Quartz needs '?' in one of them: write '0 0 * * * ?'
            schedule: "0/5 * * * * ?"    => sources[0].schedule: schedule '0/5 * * * * ?' runs only 5 seconds apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            schedule: "0 * 6-22 * * ?"   => sources[0].schedule: schedule '0 * 6-22 * * ?' runs only 1 minute apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            schedule: "0 1,58 * * * ?"   => sources[0].schedule: schedule '0 1,58 * * * ?' runs only 3 minutes apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            schedule: "0 0,59 0,23 1,L * ?" => sources[0].schedule: schedule '0 0,59 0,23 1,L * ?' runs only 1 minute apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            schedule: "0 0,59 0,23 1,31 1,12 ?" => sources[0].schedule: schedule '0 0,59 0,23 1,31 1,12 ?' runs only 1 minute apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            schedule: "0 0 12 31 2 ?"    => sources[0].schedule: schedule '0 0 12 31 2 ?' never runs: no date matches its day, month and year fields; check them against the calendar ('L' is the last day of a month)
            schedule: "0 0 12 ? * MON-FRI 1999" => sources[0].schedule: schedule '0 0 12 ? * MON-FRI 1999' never runs again: its last run was 1999-12-31 12:00 UTC; change or remove its year field
            schedule: "0 0,1 0 ? * MON"  => sources[0].schedule: schedule '0 0,1 0 ? * MON' runs only 1 minute apart; the minimum is 5 minutes (e.g. '0 0/5 * * * ?', every 5 minutes)
            timezone: Europe/Berln   => sources[0].timezone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?
            timezone: europe/berlin  => sources[0].timezone: unknown time zone 'europe/berlin'; did you mean 'Europe/Berlin'?
            timezone: Berlin         => sources[0].timezone: unknown time zone 'Berlin'; did you mean 'Europe/Berlin'?
            timezone: CEST           => sources[0].timezone: 'CEST' is a time zone abbreviation; abbreviations are ambiguous and stand for summer or winter time only: use a region name such as 'Europe/Berlin'
            timezone: EST            => sources[0].timezone: 'EST' is a time zone abbreviation; abbreviations are ambiguous and stand for summer or winter time only: use a region name such as 'America/New_York'
            timezone: MEZ            => sources[0].timezone: 'MEZ' is a time zone abbreviation; abbreviations are ambiguous and stand for summer or winter time only: use a region name such as 'Europe/Berlin'
            timezone: cet            => sources[0].timezone: 'cet' is a time zone abbreviation; abbreviations are ambiguous and stand for summer or winter time only: use a region name such as 'Europe/Berlin'
            timezone: IST            => sources[0].timezone: 'IST' is a time zone abbreviation; abbreviations are ambiguous and stand for summer or winter time only: use a region name such as 'Europe/Berlin'
            timezone: Mars/Olympus   => sources[0].timezone: unknown time zone 'Mars/Olympus'; use an IANA time zone name such as 'Europe/Berlin'
            locale: de_AT            => sources[0].locale: unknown locale 'de_AT'; did you mean 'de-AT'?
            locale: german           => sources[0].locale: unknown locale 'german'; use a BCP 47 language tag such as 'de', 'en' or 'de-AT'
            locale: de-XX            => sources[0].locale: unknown locale 'de-XX'; use a BCP 47 language tag such as 'de', 'en' or 'de-AT'
            name: [a, b]             => sources[0].name: expected a single value, got a list
            region: ''               => sources[0].region: must not be empty
            region: {a: b}           => sources[0].region: expected a single value, got nested keys
            html: yes                => sources[0].html: expected 'key: value' lines, got 'yes'
            html: {item: div, title: h2}                  => sources[0].html: 'link' is required
            html: {item: 'div.news@class', title: h2, link: a} => sources[0].html.item: the item selector picks whole elements; remove '@class'
            html: {item: div, title: 'h2 >', link: a}     => sources[0].html.title: invalid CSS selector 'h2 >': Could not parse query 'h2 >': unexpected token at ''
            html: {item: div, title: h2, link: 'a[href@href'} => sources[0].html.link: invalid CSS selector 'a[href@href': Did not find balanced marker at 'href@href'
            html: {item: div, title: h2, link: a, kicker: .k} => sources[0].html: unknown key 'kicker' (allowed here: item, title, link, date, time, summary, region)
            html: {item: div, title: h2, link: a, titel: h3} => sources[0].html: unknown key 'titel'; did you mean 'title'?
            html: {item: div, title: h2, link: a, lnik: a}   => sources[0].html: unknown key 'lnik'; did you mean 'link'?
            item: div                => sources[0]: unknown key 'item' (allowed here: id, name, url, region, timezone, locale, schedule, date-format, summary-length, html)
            nme: A                   => sources[0]: unknown key 'nme'; did you mean 'name'?
            URL: https://example.org => sources[0]: unknown key 'URL'; did you mean 'url'?
            id: b                    => sources[0]: duplicate key 'id' (first on line 5); keep only one of them
            date-format: 'dd.MM.yyyy HH:mm b' => sources[0].date-format: invalid date-format 'dd.MM.yyyy HH:mm b': Unknown pattern letter: b; write a java.time pattern such as 'dd.MM.yyyy HH:mm'
            date-format: "yyyy-MM-dd'T"      => sources[0].date-format: invalid date-format 'yyyy-MM-dd'T': Pattern ends with an incomplete string literal: yyyy-MM-dd'T; write a java.time pattern such as 'dd.MM.yyyy HH:mm'
            date-format: MMMM yyyy           => sources[0].date-format: date-format 'MMMM yyyy' does not read a complete date; it needs a day, a month and a year, e.g. 'dd.MM.yyyy' or 'd. MMMM yyyy'
            date-format: dd.MM.YYYY          => sources[0].date-format: date-format 'dd.MM.YYYY': 'YYYY' is the week-based year; write 'yyyy'
            date-format: YY-MM-dd            => sources[0].date-format: date-format 'YY-MM-dd': 'YY' is the week-based year; write 'yy'
            date-format: DD.MM.yyyy          => sources[0].date-format: date-format 'DD.MM.yyyy': 'DD' is the day of the year; write 'dd' for the day of the month
            date-format: dd.mm.yyyy          => sources[0].date-format: date-format 'dd.mm.yyyy': 'mm' is the minutes; write 'MM' for the month
            date-format: "dd.MM.yyyy HH:mm:ss.SSS XYZ[" => sources[0].date-format: date-format 'dd.MM.yyyy HH:mm:ss.SSS XYZ[': 'Y' is the week-based year; write 'y'
            summary-length: 10       => sources[0].summary-length: must be at least 20 characters, got 10
            summary-length: lang     => sources[0].summary-length: expected a whole number, got 'lang'
            """)
    void reportsABadSourceValueOnItsLine(String line, String message) {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                    %s
                """.formatted(line));

        assertThat(problems).containsExactly(at(7, message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "UTC", "GMT", "+01:00", "CET", "EET", "MET"})
    void takesEveryZoneTheTimeZoneDatabaseHasAsItAlwaysDid(String zone) {
        assertThat(ConfigValues.timezone(zone)).isEqualTo(java.time.ZoneId.of(zone));
    }

    @Test
    void takesAnOptionalSectionLeftOpenAsRunningToTheEnd() {
        assertThat(ConfigValues.dateFormat("dd.MM.yyyy [HH:mm", Locale.GERMAN)).isEqualTo("dd.MM.yyyy [HH:mm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0/5 * * * ?", "0 0/15 6-22 * * ?", "0 55 * * * ?", "0 0 6,18 * * ?", "0 59 23 * * ?",
            "0 0 12 1 1 ? 2099"})
    void takesACronScheduleWhoseRunsAreAtLeastFiveMinutesApart(String cron) {
        assertThat(Schedule.parse(cron).cron()).isEqualTo(cron);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            Kommune21    => sources[0].id: 'Kommune21' is not a valid source id; use lowercase letters, digits and '-' (not first or last), at most 64 characters
            kommune_21   => sources[0].id: 'kommune_21' is not a valid source id; use lowercase letters, digits and '-' (not first or last), at most 64 characters
            -kommune21   => sources[0].id: '-kommune21' is not a valid source id; use lowercase letters, digits and '-' (not first or last), at most 64 characters
            """)
    void reportsAMalformedSourceId(String id, String message) {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: "%s"
                    url: https://example.org/feed.xml
                """.formatted(id));

        assertThat(problems).containsExactly(at(5, message));
    }

    @Test
    void reportsAMissingRequiredKeyOnTheLineOfItsMapping() {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                  - id: b
                    url: https://example.org/b.html
                    html:
                      title: h2
                      link: a@href
                """);

        assertThat(problems).containsExactly(at(9, "sources[1].html: 'item' is required"));
    }

    @Test
    void reportsEveryRequiredKeyOfAnEmptyMapping() {
        List<String> problems = problemsIn("""
                feed:
                sources:
                  - name: Nameless
                  - id: b
                    url: https://example.org/b.html
                    html:
                """);

        assertThat(problems).containsExactly(
                at(1, "feed: 'title' is required"),
                at(1, "feed: 'id' is required"),
                at(3, "sources[0]: 'id' is required"),
                at(3, "sources[0]: 'url' is required"),
                at(6, "sources[1].html: 'item' is required"),
                at(6, "sources[1].html: 'title' is required"),
                at(6, "sources[1].html: 'link' is required"));
    }

    @Test
    void reportsADuplicateSourceIdWithTheLineOfItsFirstUse() {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: kommune21
                    url: https://www.kommune21.de/
                  - id: kommune21
                    url: https://www.kommune21.de/rss
                """);

        assertThat(problems).containsExactly(
                at(7, "sources[1].id: duplicate source id 'kommune21' (first used on line 5)"));
    }

    @Test
    void reportsASourceThatIsNotAMapping() {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - kommune21
                """);

        assertThat(problems).containsExactly(at(5, "sources[0]: expected 'key: value' lines, got 'kommune21'"));
    }

    @Test
    void reportsMissingSources() {
        assertThat(problemsIn(FEED)).containsExactly(at(1, "'sources' is required"));
    }

    @Test
    void reportsAnEmptySourceList() {
        assertThat(problemsIn(FEED + "sources: []\n")).containsExactly(at(4, "sources: list at least one source"));
        assertThat(problemsIn(FEED + "sources:\n")).containsExactly(at(4, "sources: list at least one source"));
    }

    @Test
    void reportsRegionAliasesThatAreNotAListOrBelongToTwoRegions() {
        List<String> problems = problemsIn(FEED + """
                regions:
                  Nordrhein-Westfalen: [NRW, NW]
                  Niedersachsen: NI
                  Nidwalden: [NW, [x]]
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(problems).containsExactly(
                at(6, "regions.Niedersachsen: expected a list, got 'NI'"),
                at(7, "regions.Nidwalden[0]: alias 'NW' already belongs to region 'Nordrhein-Westfalen'"),
                at(7, "regions.Nidwalden[1]: expected a single value, got a list"));
    }

    @Test
    void reportsADuplicateTopLevelKeyOnTheSecondOccurrence() {
        List<String> problems = problemsIn(FEED + """
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                feed:
                  title: Other
                """);

        assertThat(problems).containsExactly(at(7, "duplicate key 'feed' (first on line 1); keep only one of them"));
    }

    @Test
    void reportsEveryMistakeInTheFileAtOnceSortedByLine() {
        List<String> problems = problemsIn("""
                feed:
                  titel: Kommunale Nachrichten
                  id: combined
                  entries: many
                timezone: Europe/Berln
                sources:
                  - id: kommune21
                    url: www.kommune21.de
                    html:
                      item: div.news
                      title: "h2 >"
                      link: a.more@href
                  - id: kommune21
                    url: https://www.kommune21.de/rss
                    schedule: every 1m
                    locale: german
                """);

        assertThat(problems).containsExactly(
                at(1, "feed: 'title' is required"),
                at(2, "feed: unknown key 'titel'; did you mean 'title'?"),
                at(3, "feed.id: 'combined' is not an absolute URI; use a tag: URI that never changes,"
                        + " e.g. 'tag:news.example.org,2026:feed'"),
                at(4, "feed.entries: expected a whole number, got 'many'"),
                at(5, "timezone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?"),
                at(8, "sources[0].url: 'www.kommune21.de' is not an absolute URL; start it with https://"),
                at(11, "sources[0].html.title: invalid CSS selector 'h2 >': Could not parse query 'h2 >':"
                        + " unexpected token at ''"),
                at(13, "sources[1].id: duplicate source id 'kommune21' (first used on line 7)"),
                at(15, "sources[1].schedule: schedule 'every 1m' is shorter than the minimum of 5 minutes"),
                at(16, "sources[1].locale: unknown locale 'german'; use a BCP 47 language tag such as"
                        + " 'de', 'en' or 'de-AT'"));
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsLine() {
        List<String> problems = problemsIn("""
                feed:
                  title: T
                   id: x
                sources: []
                """);

        assertThat(problems).containsExactly(at(3, "invalid YAML: mapping values are not allowed here"
                + " (check the indentation, and quote values that contain ': ')"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            "feed:|»title: T"                   => 2 => a tab is used for indenting; YAML needs spaces: replace the tab with spaces
            "feed:|  title: T|  »id: x"         => 3 => a tab is used for indenting; YAML needs spaces: replace the tab with spaces
            "sources:|  -»id: a"                => 2 => a tab is used for indenting; YAML needs spaces: replace the tab with spaces
            "feed:|  title:»T"                  => 2 => a tab cannot start a value in YAML; replace the tab with a space
            "feed:|  title: T| id: x"           => 3 => 'id' is indented 1 space, unlike the keys around it; indent it like 'title' on line 2 (2 spaces)
            "sources:|  - id: a|   url: b"      => 3 => 'url' is indented 3 spaces, unlike the keys around it; indent it like 'id' on line 2 (4 spaces)
            "sources:|  - id: a|    url: b||    # c|   name: A" => 6 => 'name' is indented 3 spaces, unlike the keys around it; indent it like 'url' on line 3 (4 spaces)
            "sources:|  - id: a|    html:|      item: x|   url: b" => 5 => 'url' is indented 3 spaces, unlike the keys around it; indent it like 'html' on line 3 (4 spaces)
            "feed: {title: T,|  id: x"          => 3 => while parsing a flow mapping on line 1, expected ',' or '}', but got <stream end>
            """)
    void explainsACommonYamlSyntaxErrorOnItsLine(String yaml, int line, String message) {
        List<String> problems = problemsIn(yaml.replace('|', '\n').replace('»', '\t') + "\n");

        assertThat(problems).containsExactly(at(line, "invalid YAML: " + message));
    }

    @Test
    void reportsAnUnclosedQuoteWithTheLineWhereItStarted() {
        List<String> problems = problemsIn("""
                feed:
                  title: "T
                sources: []
                """);

        assertThat(problems).containsExactly(
                at(4, "invalid YAML: while scanning a quoted scalar on line 2, found unexpected end of stream"));
    }

    @Test
    void reportsAControlCharacterWithItsLine() {
        List<String> problems = problemsIn(FEED + "sources:\n  - id: a\u0007\n");

        assertThat(problems).containsExactly(
                at(5, "invalid YAML: the control character U+0007 is not allowed; remove it"));
    }

    @Test
    void reportsAnEmptyFile() {
        assertThat(problemsIn("")).containsExactly(at(1, "the file is empty; it needs at least 'feed' and 'sources'"));
        assertThat(problemsIn("# nothing yet\n"))
                .containsExactly(at(1, "the file is empty; it needs at least 'feed' and 'sources'"));
    }

    @Test
    void reportsATopLevelThatIsNotAMapping() {
        assertThat(problemsIn("- feed\n- sources\n")).containsExactly(at(1, "expected 'key: value' lines, got a list"));
    }

    @Test
    void readsFetchSettingsWithUnits() throws Exception {
        AppConfig config = load(FEED + """
                fetch:
                  host-gap: 500ms
                  timeout: 2m
                  max-size: 5MiB
                  contact: "mailto:admin@example.org"
                  allow-private-addresses: true
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(config.fetch()).isEqualTo(new FetchConfig(java.time.Duration.ofMillis(500),
                java.time.Duration.ofMinutes(2), 5L * 1024 * 1024, "mailto:admin@example.org", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://news.example.org/about", "http://intranet.example.org/", "mailto:admin@example.org",
            "MAILTO:it-team+rundschau@stadt.example.de"})
    void takesAUrlOrMailtoAddressAsContact(String contact) throws Exception {
        AppConfig config = load(FEED + "fetch:\n  contact: \"" + contact + "\"\nsources:\n  - id: a\n"
                + "    url: https://example.org/feed.xml\n");

        assertThat(config.fetch().contact()).isEqualTo(contact);
    }

    @Test
    void usesPoliteFetchDefaultsWhenTheSectionIsMissing() throws Exception {
        AppConfig config = load(FEED + "sources:\n  - id: a\n    url: https://example.org/feed.xml\n");
        assertThat(config.fetch()).isEqualTo(FetchConfig.DEFAULTS);
        assertThat(config.fetch().hostGap()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            host-gap: soon             => fetch.host-gap: expected a duration like '500ms', '2s', '5m' or '1h', got 'soon'
            timeout: 0                 => fetch.timeout: must be more than 0
            max-size: 10 parsecs       => fetch.max-size: expected a size like '10MiB', '512KiB' or a number of bytes, got '10 parsecs'
            allow-private-addresses: yes => fetch.allow-private-addresses: expected true or false, got 'yes'
            hostgap: 1s                => fetch: unknown key 'hostgap'; did you mean 'host-gap'?
            contact: not a url         => fetch.contact: 'not a url' is neither a URL nor a mailto: address; write e.g. 'https://news.example.org/about' or 'mailto:admin@example.org'
            contact: admin@example.org => fetch.contact: 'admin@example.org' is an e-mail address; write it as 'mailto:admin@example.org'
            contact: mailto:admin      => fetch.contact: 'mailto:admin' is not a valid mailto: address; write e.g. 'mailto:admin@example.org'
            contact: "mailto:Admin <admin@example.org>" => fetch.contact: 'mailto:Admin <admin@example.org>' is not a valid mailto: address; write e.g. 'mailto:admin@example.org'
            contact: ftp://example.org/ => fetch.contact: 'ftp://example.org/' is not an http:// or https:// URL
            contact: "https://exa mple.org/" => fetch.contact: 'https://exa mple.org/' is not a valid URL: its host 'exa mple.org' contains a space, and host names cannot contain spaces; remove it
            """)
    void reportsABadFetchValueOnItsLine(String line, String message) {
        List<String> problems = problemsIn(FEED + "fetch:\n  " + line + "\nsources:\n  - id: a\n    url: https://example.org/f.xml\n");
        assertThat(problems).containsExactly(at(5, message));
    }

    @Test
    void readsDedupAndRetentionSettings() throws Exception {
        AppConfig config = load(FEED + """
                dedup:
                  threshold: 0.9
                  window: 2d
                  first-fetch-limit: 0
                retention:
                  max-age: 90d
                  max-per-source: 500
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                """);

        assertThat(config.dedup()).isEqualTo(new DedupConfig(0.9, java.time.Duration.ofDays(2), 0));
        assertThat(config.retention()).isEqualTo(new RetentionConfig(java.time.Duration.ofDays(90), 500));
    }

    @Test
    void usesDedupAndRetentionDefaultsWhenTheSectionsAreMissing() throws Exception {
        AppConfig config = load(FEED + "sources:\n  - id: a\n    url: https://example.org/feed.xml\n");
        assertThat(config.dedup()).isEqualTo(new DedupConfig(0.8, java.time.Duration.ofDays(3), 10));
        assertThat(config.retention()).isEqualTo(RetentionConfig.DEFAULTS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            dedup: {threshold: 1.5}           => dedup.threshold: must be above 0 and at most 1, got 1.5
            dedup: {threshold: high}          => dedup.threshold: expected a number between 0 and 1 such as 0.8, got 'high'
            dedup: {first-fetch-limit: -1}    => dedup.first-fetch-limit: must be 0 or more, got -1
            dedup: {window: soon}             => dedup.window: expected a duration like '500ms', '2s', '5m' or '1h', got 'soon'
            retention: {max-per-source: lots} => retention.max-per-source: expected a whole number, got 'lots'
            retention: {maxage: 1d}           => retention: unknown key 'maxage'; did you mean 'max-age'?
            """)
    void reportsABadDedupOrRetentionValue(String line, String message) {
        List<String> problems = problemsIn(FEED + line + "\nsources:\n  - id: a\n    url: https://example.org/f.xml\n");
        assertThat(problems).containsExactly(at(4, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            schedule: every 999999999999999d         => schedule: schedule 'every 999999999999999d' is longer than the maximum of 36500 days (100 years)
            schedule: every 99999999999999999999m    => schedule: schedule 'every 99999999999999999999m' is longer than the maximum of 36500 days (100 years)
            retention: {max-age: 999999999999999d}   => retention.max-age: '999999999999999d' is too large (at most 36500d, 100 years)
            retention: {max-age: 36501d}             => retention.max-age: '36501d' is too large (at most 36500d, 100 years)
            dedup: {window: 999999999999999d}        => dedup.window: '999999999999999d' is too large (at most 36500d, 100 years)
            fetch: {host-gap: 99999999999999999999ms} => fetch.host-gap: '99999999999999999999ms' is too large (at most 36500d, 100 years)
            fetch: {max-size: 99999999999GiB}        => fetch.max-size: '99999999999GiB' is too large (at most 8589934591GiB)
            fetch: {max-size: 99999999999999999999}  => fetch.max-size: '99999999999999999999' is too large (at most 9223372036854775807 bytes)
            summary-length: 99999999999              => summary-length: '99999999999' is too large (at most 2147483647)
            retention: {max-per-source: 99999999999} => retention.max-per-source: '99999999999' is too large (at most 2147483647)
            """)
    void reportsATooLargeNumberAsAProblemOnItsLine(String line, String message) {
        List<String> problems = problemsIn(FEED + line + "\nsources:\n  - id: a\n    url: https://example.org/f.xml\n");
        assertThat(problems).containsExactly(at(4, message));
    }

    @Test
    void acceptsTheLongestDurationAndTheLargestSize() throws Exception {
        AppConfig config = load(FEED + """
                retention: {max-age: 36500d}
                fetch: {max-size: 8589934591GiB}
                sources:
                  - id: a
                    url: https://example.org/feed.xml
                    schedule: every 36500d
                """);

        assertThat(config.retention().maxAge()).isEqualTo(Duration.ofDays(36_500));
        assertThat(config.fetch().maxSize()).isEqualTo(8_589_934_591L * 1024 * 1024 * 1024);
        assertThat(config.sources().get(0).schedule().interval()).isEqualTo(Duration.ofDays(36_500));
    }

    @Test
    void reportsTooLargeNumbersTogetherWithTheOtherProblems() {
        List<String> problems = problemsIn(FEED + """
                schedule: "every 999999999999999d"
                timezone: Europe/Berln
                fetch:
                  max-size: 99999999999GiB
                dedup:
                  window: 999999999999999d
                retention:
                  max-age: 999999999999999d
                sources:
                  - id: a
                    url: https://example.org/f.xml
                    schedule: every 99999999999999999999m
                """);

        assertThat(problems).containsExactly(
                at(4, "schedule: schedule 'every 999999999999999d' is longer than the maximum of 36500 days (100 years)"),
                at(5, "timezone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?"),
                at(7, "fetch.max-size: '99999999999GiB' is too large (at most 8589934591GiB)"),
                at(9, "dedup.window: '999999999999999d' is too large (at most 36500d, 100 years)"),
                at(11, "retention.max-age: '999999999999999d' is too large (at most 36500d, 100 years)"),
                at(15, "sources[0].schedule: schedule 'every 99999999999999999999m' is longer than the maximum"
                        + " of 36500 days (100 years)"));
    }

    private AppConfig load(String yaml) throws IOException, ConfigException {
        write(yaml);
        return ConfigLoader.load(file);
    }

    private List<String> problemsIn(String yaml) {
        try {
            write(yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e.problems();
    }

    private void write(String yaml) throws IOException {
        file = dir.resolve("rundschau.yaml");
        Files.writeString(file, yaml);
    }

    private String at(int line, String message) {
        return file + ":" + line + ": " + message;
    }
}
