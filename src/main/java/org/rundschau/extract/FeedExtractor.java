package org.rundschau.extract;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads items from RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with Rome. Thread-safe.
 *
 * <p>Per item: {@code guid} is the RSS guid, Atom id or RSS 1.0 rdf:about when the document has
 * one; {@code link} is the item's link, else its guid when that is a permalink URL, resolved
 * against xml:base and the feed's URL; {@code date} is the publication date (else the last
 * update) as an ISO-8601 instant when Rome can read it and it has a time of day, else the text as
 * written, so the normaliser can apply the source's locale and zone; {@code summary} is the
 * description/summary, else the content, with relative links made absolute (see {@link SummaryLinks}).
 */
public final class FeedExtractor {
    private static final Logger log = LoggerFactory.getLogger(FeedExtractor.class);
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d:\\d\\d");
    // Only the shapes Rome reads the same way: four-digit years, no fractions beyond milliseconds.
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{3})?(?:Z|[+-]\\d\\d:\\d\\d)");
    private static final Pattern RFC_1123 = Pattern.compile(
            "(?:[A-Z][a-z]{2}, )?\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d(?::\\d\\d)? (?:GMT|[+-]\\d{4})");

    private final FeedXmlParser parser = new FeedXmlParser();

    /** @throws ExtractException when the document is not a readable RSS/Atom feed */
    public Extraction extract(Page page) throws ExtractException {
        String text = FeedCharset.decode(page.body(), page.contentType());
        Document document = parser.parse(text, page);
        List<EntryMarkup> markup = EntryMarkup.of(document, page.url());
        Runnable restoreDates = EntryMarkup.detachDates(document);
        SyndFeed feed = build(document, page);
        List<SyndEntry> entries = feed.getEntries();
        if (markup.size() != entries.size()) {
            log.debug("{}: {} entries in Rome, {} in the markup; reading Rome's values only",
                    page.url(), entries.size(), markup.size());
            restoreDates.run();
            feed = build(document, page);
            entries = feed.getEntries();
        }
        boolean rss = feed.getFeedType().startsWith("rss");
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            EntryMarkup entryMarkup = markup.size() == entries.size() ? markup.get(i) : EntryMarkup.unknown(page.url());
            items.add(toRawItem(entries.get(i), entryMarkup, rss));
        }
        return new Extraction(items, language(feed, document));
    }

    private static SyndFeed build(Document document, Page page) throws ExtractException {
        try {
            return new SyndFeedInput().build(document);
        } catch (IllegalArgumentException e) {
            // "Invalid document" is Rome's answer when no parser accepts the root element; other
            // IllegalArgumentExceptions (NumberFormatException) come from values Rome could not read.
            if (!"Invalid document".equals(e.getMessage())) throw FeedXmlParser.unreadable(page, String.valueOf(e));
            String root = document.getRootElement().getQualifiedName();
            throw FeedXmlParser.unreadable(page, "root element <" + root + "> is neither RSS nor Atom");
        } catch (FeedException e) {
            throw FeedXmlParser.unreadable(page, e.getMessage());
        }
    }

    private static RawItem toRawItem(SyndEntry entry, EntryMarkup markup, boolean rss) {
        Optional<SyndContent> summary = summary(entry);
        String summaryText = Mojibake.repair(summary.map(SyndContent::getValue).map(String::strip).orElse(""));
        boolean html = !summaryText.isEmpty() && summary.map(c -> rss || isHtmlType(c.getType())).orElse(false);
        String link = link(entry, markup);
        return new RawItem(
                markup.guid(),
                Mojibake.repair(orEmpty(entry.getTitle()).strip()),
                link,
                date(entry, markup),
                html ? SummaryLinks.absolute(summaryText, SummaryLinks.base(markup, link)) : summaryText,
                html,
                "");
    }

    // The link element's value (Rome picks the alternate link of an Atom entry); without one, an
    // RSS guid that is a permalink URL. Rome itself copies any guid into the link, even "tag:" ids.
    private static String link(SyndEntry entry, EntryMarkup markup) {
        String link = markup.hasLinkElement() ? orEmpty(entry.getLink()) : "";
        if (link.isBlank() && markup.guidIsPermalink() && isWebUrl(markup.guid())) link = markup.guid();
        return Links.resolve(markup.base(), link);
    }

    private static boolean isWebUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    // The first date element (publication before modification) that Rome's date parser reads: as
    // an instant, or as written when it has no time of day (Rome would make that midnight UTC, the
    // normaliser makes it midnight in the source's zone). When Rome reads none, the first one as
    // written, so the normaliser can try the source's locale ("mer, 16 nov 2022", "8:19 pm CEST").
    private static String date(SyndEntry entry, EntryMarkup markup) {
        if (markup.rawDates().isEmpty()) {
            return Optional.ofNullable(entry.getPublishedDate()).or(() -> Optional.ofNullable(entry.getUpdatedDate()))
                    .map(d -> d.toInstant().toString()).orElse("");
        }
        for (String raw : markup.rawDates()) {
            Optional<Instant> standard = standardDate(raw);
            if (standard.isPresent()) return standard.get().toString();
            Date parsed = DateParser.parseDate(raw, Locale.US);
            if (parsed != null) return TIME_OF_DAY.matcher(raw).find() ? parsed.toInstant().toString() : raw;
        }
        return markup.rawDates().get(0);
    }

    /**
     * A date in the two forms the specifications prescribe, RFC 822/1123 (RSS) and RFC 3339
     * (Atom), read with java.time; empty for anything else, which Rome's lenient parser then
     * tries. Rome's parser builds a SimpleDateFormat for every pattern it tries (about twenty
     * before an RSS date's), which made it 27% of feed extraction in the issue 8 profile. Both
     * forms always carry a time of day, so the instant is what Rome's path would return; a
     * weekday that does not fit the date is an error here and left to Rome.
     */
    static Optional<Instant> standardDate(String raw) {
        String text = raw.strip();
        DateTimeFormatter format;
        if (RFC_3339.matcher(text).matches()) {
            format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        } else if (RFC_1123.matcher(text).matches()) {
            format = DateTimeFormatter.RFC_1123_DATE_TIME;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(format.parse(text, Instant::from));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<SyndContent> summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return Optional.of(description);
        }
        return entry.getContents().stream().filter(c -> c.getValue() != null && !c.getValue().isBlank()).findFirst();
    }

    // Atom: "html", "xhtml"; Atom 0.3 and RSS modules: MIME types such as "text/html".
    private static boolean isHtmlType(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).contains("html");
    }

    private static String language(SyndFeed feed, Document document) {
        String language = orEmpty(feed.getLanguage()).strip();
        if (!language.isEmpty()) return language;
        String xmlLang = document.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE, "");
        return xmlLang.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
