package org.rundschau.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rundschau.bench.SyntheticSite.Kind;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;

/**
 * Generates listing pages and feeds that look like German municipal news sites, deterministically
 * from a seed, and writes them to a folder.
 *
 * <p>Per four sources: three HTML listing pages of about {@value #HTML_PAGE_BYTES} bytes with
 * {@value #ITEMS} items each, cycling through four markups ({@link Kind}) and three charsets
 * (UTF-8 in the header; windows-1252 declared only in a {@code <meta>}; ISO-8859-15 only in the
 * header), with realistic boilerplate (navigation, inline scripts and styles, JSON-LD, sidebar,
 * footer); and one feed, RSS 2.0 or Atom 1.0 alternately, with {@value #ITEMS} items. Dates are
 * written as German sites write them (ISO in {@code datetime}, {@code 07.02.2025}, {@code 7.2.25},
 * {@code [07.02.2025]} leading the teaser, {@code Fr, 7. Februar 2025, 14:30 Uhr}, RFC 822 in
 * RSS). About a third of the headlines carry a region prefix ({@code Sachsen: ...}), some a topic
 * prefix that is not a region ({@code Digitalisierung: ...}). Every tenth source sends no
 * validators, so an unchanged fetch gets the identical body instead of a 304.
 */
public final class SyntheticCorpus {
    public static final int ITEMS = 20;
    public static final int HTML_PAGE_BYTES = 60_000;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    private static final String[] REGIONS = {"Sachsen", "Bayern", "Landkreis Hof", "Köln", "NRW", "Hamburg",
            "Rheinland-Pfalz", "Brandenburg", "Stadt Münster", "Baden-Württemberg", "Kreis Lippe", "Thüringen"};
    private static final String[] TOPICS = {"Digitalisierung", "OZG", "Vitako", "Interview", "E-Akte", "Kommentar"};
    private static final String[] SUBJECTS = {"Stadtverwaltung", "Landkreis", "Bürgerportal", "Kommune", "Landesregierung",
            "Rechenzentrum", "Schulträger", "Gemeinderat", "Zweckverband", "IT-Dienstleister", "Bürgeramt", "Kreistag"};
    private static final String[] VERBS = {"startet", "erweitert", "digitalisiert", "prüft", "vergibt", "öffnet",
            "modernisiert", "beschließt", "testet", "führt ein"};
    private static final String[] OBJECTS = {"Online-Anträge", "die E-Rechnung", "ein neues Ratsinformationssystem",
            "das Glasfasernetz", "digitale Bauanträge", "die Cloud-Strategie", "WLAN an Schulen", "den Bürgerservice",
            "Open-Data-Portal", "die elektronische Akte", "KI-Pilotprojekte", "Förderbescheide über 2,5 Mio. €"};
    private static final String[] WORDS = ("der die das und mit für über bei Verwaltung Bürgerinnen Bürger "
            + "Anträge Übergang Förderung Maßnahme Gebühren künftig größere Qualität Zuständigkeit Änderung "
            + "Straße Grundsteuer Haushalt Ausschreibung Millionen Euro Sitzung Beschluss Landesamt Projekt "
            + "Kooperation Datenschutz Sicherheit Plattform Schnittstelle Wochen Jahr Ende geplant").split(" ");
    private static final String[] MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember"};
    private static final String[] WEEKDAYS = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private SyntheticCorpus() {
    }

    /**
     * Writes {@code count} sources to {@code folder} as {@code s<i>.html} / {@code s<i>.xml}.
     * Source {@code i} is always generated the same way.
     */
    public static List<SyntheticSite> mixed(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        List<SyntheticSite> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = i % 4 == 3 ? (i / 4 % 2 == 0 ? Kind.RSS : Kind.ATOM) : Kind.values()[(i + i / 4) % 4];
            sites.add(write(folder, "s" + i, kind, i));
        }
        return sites;
    }

    /** Writes {@code count} feeds only (half RSS 2.0, half Atom 1.0) as {@code f<i>.xml}. */
    public static List<SyntheticSite> feeds(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        List<SyntheticSite> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sites.add(write(folder, "f" + i, i % 2 == 0 ? Kind.RSS : Kind.ATOM, 1_000_000 + i));
        }
        return sites;
    }

    /** The CSS selectors an admin would write for each markup; empty for feeds. */
    public static Optional<SelectorRules> selectors(Kind kind) {
        return switch (kind) {
            case HTML_ARTICLE -> Optional.of(rules("article.news", "h2", "h2 a", "time", "p.teaser"));
            case HTML_LIST -> Optional.of(rules("ul.meldungen > li", "a", "a", "span.date", "span.text"));
            case HTML_TEASER -> Optional.of(rules("div.teaser", "h3", "a.more", "", "p"));
            case HTML_TABLE -> Optional.of(rules("table.liste tr.row", "td.title", "td.title a", "td.date", "td.desc"));
            case RSS, ATOM -> Optional.empty();
        };
    }

    private static SelectorRules rules(String item, String title, String link, String date, String summary) {
        return new SelectorRules(Selector.parse(item), Selector.parse(title), Selector.parse(link),
                date.isEmpty() ? Selector.NONE : Selector.parse(date), Selector.parse(summary), Selector.NONE);
    }

    private static SyntheticSite write(Path folder, String id, Kind kind, int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 7919L + 17);
        boolean validators = seed % 10 != 7;
        if (!kind.isHtml()) {
            String xml = kind == Kind.RSS ? rss(id, random) : atom(id, random);
            Path file = folder.resolve(id + ".xml");
            Files.write(file, xml.getBytes(StandardCharsets.UTF_8));
            String type = kind == Kind.RSS ? "application/rss+xml; charset=utf-8" : "application/atom+xml";
            return new SyntheticSite(id, kind, "/" + id + ".xml", file, type, StandardCharsets.UTF_8, validators);
        }
        Charset charset = switch (seed % 3) {
            case 0 -> StandardCharsets.UTF_8;
            case 1 -> WINDOWS_1252;
            default -> ISO_8859_15;
        };
        String contentType = switch (seed % 3) {
            case 0 -> "text/html; charset=utf-8";
            case 1 -> "text/html";
            default -> "text/html; charset=ISO-8859-15";
        };
        String html = html(id, kind, random, charset == WINDOWS_1252 ? "windows-1252" : "");
        Path file = folder.resolve(id + ".html");
        Files.write(file, html.getBytes(charset));
        return new SyntheticSite(id, kind, "/" + id + ".html", file, contentType, charset, validators);
    }

    /** One item's content, drawn from the vocabulary. */
    private record Story(String title, String teaser, String path, ZonedDateTime date) {
        static Story draw(SplittableRandom random, String id, int n) {
            String headline = pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS)
                    + " " + (char) ('A' + random.nextInt(26)) + random.nextInt(1000);
            int prefix = random.nextInt(12);
            String title = prefix < 4 ? pick(random, REGIONS) + ": " + headline
                    : prefix < 6 ? pick(random, TOPICS) + ": " + headline : headline;
            StringBuilder teaser = new StringBuilder();
            int words = 30 + random.nextInt(25);
            for (int w = 0; w < words; w++) teaser.append(w == 0 ? "" : " ").append(pick(random, WORDS));
            teaser.append('.');
            LocalDateTime local = LocalDateTime.of(2025, 1, 1, 6, 0)
                    .plusMinutes(random.nextInt(180 * 24 * 60)).withSecond(0);
            return new Story(title, teaser.toString(), "/" + id + "/meldung-" + n + "-" + random.nextInt(1_000_000) + ".html",
                    local.atZone(BERLIN));
        }
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String html(String id, Kind kind, SplittableRandom random, String metaCharset) {
        StringBuilder page = new StringBuilder(HTML_PAGE_BYTES + 4_000);
        page.append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n");
        if (!metaCharset.isEmpty()) page.append("<meta charset=\"").append(metaCharset).append("\">\n");
        page.append("<title>Nachrichten – ").append(id).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        styles(page, random);
        jsonLd(page, id, random);
        page.append("</head>\n<body class=\"page-news\">\n");
        navigation(page, random);
        page.append("<main id=\"content\"><h1>Aktuelle Meldungen</h1>\n");
        StringBuilder items = new StringBuilder();
        switch (kind) {
            case HTML_ARTICLE -> articles(items, id, random);
            case HTML_LIST -> list(items, id, random);
            case HTML_TEASER -> teasers(items, id, random);
            case HTML_TABLE -> table(items, id, random);
            default -> throw new IllegalArgumentException("not HTML: " + kind);
        }
        page.append(items).append("</main>\n");
        sidebar(page, random);
        footer(page);
        scripts(page, random, HTML_PAGE_BYTES - page.length() - 200);
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static void articles(StringBuilder out, String id, SplittableRandom random) {
        out.append("<section class=\"news-list\">\n");
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            out.append("<article class=\"news\" id=\"n").append(n).append("\">\n  <div class=\"meta\"><time datetime=\"")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.date())).append("\">").append(numeric(s.date()))
                    .append("</time> <span class=\"cat\">Verwaltung</span></div>\n  <h2><a href=\"")
                    .append(s.path()).append("\">").append(escape(s.title())).append("</a></h2>\n  <p class=\"teaser\">")
                    .append(escape(s.teaser())).append("</p>\n  <a class=\"more\" href=\"").append(s.path())
                    .append("\" aria-label=\"Weiterlesen\">Weiterlesen</a>\n</article>\n");
        }
        out.append("</section>\n");
    }

    private static void list(StringBuilder out, String id, SplittableRandom random) {
        out.append("<ul class=\"meldungen\">\n");
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            String date = n % 2 == 0 ? numeric(s.date())
                    : s.date().getDayOfMonth() + "." + s.date().getMonthValue() + "." + s.date().getYear() % 100;
            out.append("  <li><span class=\"date\">").append(date).append("</span> <a href=\"").append(s.path())
                    .append("\" title=\"").append(escape(s.title())).append("\">").append(escape(s.title()))
                    .append("</a><br><span class=\"text\">").append(escape(s.teaser())).append("</span></li>\n");
        }
        out.append("</ul>\n");
    }

    private static void teasers(StringBuilder out, String id, SplittableRandom random) {
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            out.append("<div class=\"teaser\">\n  <div class=\"kicker\">").append(pick(random, TOPICS))
                    .append("</div>\n  <h3>").append(escape(s.title())).append("</h3>\n  <p>[").append(numeric(s.date()))
                    .append("] ").append(escape(s.teaser())).append(" <a class=\"more\" href=\"").append(s.path())
                    .append("\">mehr...</a></p>\n</div>\n");
        }
    }

    private static void table(StringBuilder out, String id, SplittableRandom random) {
        out.append("<table class=\"liste\">\n<thead><tr><th>Datum</th><th>Meldung</th><th>Text</th></tr></thead>\n<tbody>\n");
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            ZonedDateTime d = s.date();
            String date = WEEKDAYS[d.getDayOfWeek().getValue() - 1] + ", " + d.getDayOfMonth() + ". "
                    + MONTHS[d.getMonthValue() - 1] + " " + d.getYear() + ", " + String.format(Locale.ROOT, "%02d:%02d", d.getHour(), d.getMinute()) + " Uhr";
            out.append("<tr class=\"row\"><td class=\"date\">").append(date).append("</td><td class=\"title\"><a href=\"")
                    .append(s.path()).append("\">").append(escape(s.title())).append("</a></td><td class=\"desc\">")
                    .append(escape(s.teaser())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String numeric(ZonedDateTime d) {
        return String.format(Locale.ROOT, "%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static void styles(StringBuilder out, SplittableRandom random) {
        out.append("<style>\n");
        for (int r = 0; r < 60; r++) {
            out.append(".c").append(random.nextInt(10_000)).append(" .nav-item > a:hover, .teaser-").append(r)
                    .append(" { color: #").append(Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)))
                    .append("; margin: 0 ").append(random.nextInt(20)).append("px; font-size: 1.").append(r % 10)
                    .append("rem; }\n");
        }
        out.append("</style>\n");
    }

    private static void jsonLd(StringBuilder out, String id, SplittableRandom random) {
        out.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",")
                .append("\"name\":\"Nachrichten ").append(id).append("\",\"publisher\":{\"@type\":\"Organization\",")
                .append("\"name\":\"Stadtverwaltung\",\"logo\":\"/logo.png\"},\"breadcrumb\":[");
        for (int i = 0; i < 30; i++) {
            out.append(i == 0 ? "" : ",").append("{\"@type\":\"ListItem\",\"position\":").append(i)
                    .append(",\"name\":\"Bereich ").append(random.nextInt(500)).append("\",\"item\":\"/bereich/")
                    .append(random.nextInt(100_000)).append("\"}");
        }
        out.append("]}</script>\n");
    }

    private static void navigation(StringBuilder out, SplittableRandom random) {
        out.append("<div id=\"cookie\" class=\"banner\" hidden><p>Wir verwenden Cookies, um die Nutzung der Website ")
                .append("zu analysieren. <button type=\"button\">Akzeptieren</button> <button>Ablehnen</button></p></div>\n")
                .append("<header class=\"site\"><a class=\"logo\" href=\"/\"><img src=\"/logo.svg\" alt=\"Startseite\"></a>\n")
                .append("<nav class=\"main\" aria-label=\"Hauptnavigation\"><ul>\n");
        for (int i = 0; i < 70; i++) {
            out.append("  <li class=\"nav-item\"><a href=\"/rubrik/").append(random.nextInt(100_000)).append("\">")
                    .append(pick(random, SUBJECTS)).append(' ').append(pick(random, WORDS)).append("</a></li>\n");
        }
        out.append("</ul></nav>\n<form class=\"search\" action=\"/suche\"><input name=\"q\" placeholder=\"Suche\">")
                .append("<button>Suchen</button></form></header>\n");
    }

    private static void sidebar(StringBuilder out, SplittableRandom random) {
        out.append("<aside class=\"sidebar\"><h2>Meistgelesen</h2><ol>\n");
        for (int i = 0; i < 25; i++) {
            out.append("  <li><a href=\"/meistgelesen/").append(random.nextInt(1_000_000)).append("\">")
                    .append(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS)).append(' ')
                    .append(escape(pick(random, OBJECTS))).append("</a></li>\n");
        }
        out.append("</ol><div class=\"ad\" data-slot=\"sidebar-1\"></div></aside>\n");
    }

    private static void footer(StringBuilder out) {
        out.append("<footer class=\"site\"><ul class=\"links\">");
        for (String link : new String[] {"Impressum", "Datenschutz", "Barrierefreiheit", "Kontakt", "Presse", "Karriere",
                "Newsletter", "Mediadaten", "AGB", "Sitemap"}) {
            out.append("<li><a href=\"/").append(link.toLowerCase(Locale.ROOT)).append("\">").append(link).append("</a></li>");
        }
        out.append("</ul><p>© 2025 Stadtverwaltung. Alle Rechte vorbehalten.</p></footer>\n");
    }

    /** Inline scripts, as tracking and consent code makes them, filling the page to its size. */
    private static void scripts(StringBuilder out, SplittableRandom random, int chars) {
        out.append("<script>\nwindow.dataLayer = window.dataLayer || [];\n");
        int start = out.length();
        while (out.length() - start < chars) {
            out.append("dataLayer.push({\"event\":\"impression\",\"slot\":").append(random.nextInt(1000))
                    .append(",\"id\":\"").append(Long.toHexString(random.nextLong())).append("\",\"visible\":")
                    .append(random.nextBoolean()).append("}); if (a < b && b > 0) { track('v', ").append(random.nextInt())
                    .append("); }\n");
        }
        out.append("</script>\n");
    }

    private static String rss(String id, SplittableRandom random) {
        StringBuilder xml = new StringBuilder(16_000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Feed ")
                .append(id).append("</title>\n<link>https://").append(id).append(".example.org/</link>\n")
                .append("<description>Meldungen aus der Verwaltung</description>\n<language>de</language>\n");
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            xml.append("<item>\n  <title>").append(escape(s.title())).append("</title>\n  <link>https://").append(id)
                    .append(".example.org").append(s.path()).append("</link>\n  <guid isPermaLink=\"false\">")
                    .append(id).append('-').append(n).append("</guid>\n  <pubDate>").append(RFC_822.format(s.date()))
                    .append("</pubDate>\n  <description>").append(escape(s.teaser())).append("</description>\n</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static String atom(String id, SplittableRandom random) {
        StringBuilder xml = new StringBuilder(16_000);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n")
                .append("<title>Feed ").append(id).append("</title>\n<id>urn:bench:").append(id).append("</id>\n")
                .append("<updated>2025-07-01T00:00:00Z</updated>\n<link href=\"https://").append(id)
                .append(".example.org/\"/>\n<author><name>Redaktion</name></author>\n");
        for (int n = 0; n < ITEMS; n++) {
            Story s = Story.draw(random, id, n);
            xml.append("<entry>\n  <title>").append(escape(s.title())).append("</title>\n  <link href=\"https://").append(id)
                    .append(".example.org").append(s.path()).append("\"/>\n  <id>urn:bench:").append(id).append(':').append(n)
                    .append("</id>\n  <published>").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.date())).append("</published>\n  <updated>")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.date())).append("</updated>\n  <summary>").append(escape(s.teaser()))
                    .append("</summary>\n</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
