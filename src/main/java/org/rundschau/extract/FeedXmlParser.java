package org.rundschau.extract;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jsoup.nodes.Document.OutputSettings.Syntax;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities.EscapeMode;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.rundschau.model.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the decoded text of a feed into a JDOM document for Rome.
 *
 * <p><b>Security.</b> The SAX builder is Rome's own ({@code WireFeedInput.createSAXBuilder()}:
 * external general and parameter entities off, external DTDs not loaded, entities not expanded
 * into the tree) with doctypes allowed, because RSS 0.91 (Netscape) documents declare one. On top,
 * every entity resolution request gets an empty document, so nothing is ever read from a file or
 * the network even if a parser ignored those features. The JDK's limit of 64,000 entity
 * expansions stops "billion laughs" documents in the strict parse; the lenient reader below never
 * expands entities declared in a DTD.
 *
 * <p><b>Tolerance.</b> First the document is parsed strictly, through Rome's {@link XmlFixerReader}
 * (drops comments before the XML declaration, turns HTML entities such as {@code &aacute;} into
 * character references, escapes stray {@code &}). If that fails, the text is re-read with Jsoup's
 * XML parser, which closes what is left open, as feed readers such as feedparser and feed-rs do;
 * items or entries that were still open when the document ended (a truncated download) are
 * dropped, and the rest is handed to Rome. Only complete items are kept because a cut-off item
 * has a cut-off title or link, and a wrong item published for years is worse than a late one.
 * When nothing complete remains, the strict parser's message (with its line) becomes the error:
 * an ill-formed document with no items is a broken source, not an empty feed.
 */
final class FeedXmlParser {
    private static final Logger log = LoggerFactory.getLogger(FeedXmlParser.class);

    private static final Pattern NOT_XML_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    /**
     * @throws ExtractException when the text is empty, an HTML page, or ill-formed XML from which no
     *                          complete item can be recovered
     */
    Document parse(String text, Page page) throws ExtractException {
        if (text.isBlank()) throw unreadable(page, "the response body is empty");
        Document document;
        try {
            document = build(new XmlFixerReader(new StringReader(text)));
        } catch (JDOMException e) {
            return repair(text, page, describe(e, linesBeforeMarkup(text)));
        }
        rejectHtml(document.getRootElement().getName(), page);
        return document;
    }

    private Document repair(String text, Page page, String strictProblem) throws ExtractException {
        org.jsoup.nodes.Document soup = Parser.xmlParser().setTrackPosition(true)
                .parseInput(NOT_XML_CHARS.matcher(text).replaceAll(""), page.url().toString());
        Element root = soup.children().first();
        if (root == null) throw unreadable(page, strictProblem);
        rejectHtml(root.tagName(), page);
        int dropped = dropIncompleteItems(soup);
        if (countItems(soup) == 0) throw unreadable(page, strictProblem);
        try {
            Document document = build(new StringReader(wellFormed(soup)));
            log.debug("{}: not well-formed ({}); read leniently, {} incomplete item(s) dropped",
                    page.url(), strictProblem, dropped);
            return document;
        } catch (JDOMException e) {
            throw unreadable(page, strictProblem);
        }
    }

    private static int dropIncompleteItems(org.jsoup.nodes.Document soup) {
        List<Element> incomplete = soup.getAllElements().stream()
                .filter(FeedXmlParser::isItem)
                .filter(e -> e.endSourceRange().isImplicit())
                .toList();
        incomplete.forEach(Element::remove);
        return incomplete.size();
    }

    private static long countItems(org.jsoup.nodes.Document soup) {
        return soup.getAllElements().stream().filter(FeedXmlParser::isItem).count();
    }

    private static boolean isItem(Element e) {
        String local = e.tagName().substring(e.tagName().indexOf(':') + 1);
        return local.equals("item") || local.equals("entry");
    }

    // The XML declaration (and other top-level processing instructions) are left out: the text is
    // already decoded, and a declaration after a leading comment is what made it ill-formed.
    private static String wellFormed(org.jsoup.nodes.Document soup) {
        for (Node node : List.copyOf(soup.childNodes())) {
            if (node instanceof XmlDeclaration) node.remove();
        }
        soup.outputSettings().syntax(Syntax.xml).escapeMode(EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return soup.outerHtml();
    }

    private static Document build(Reader reader) throws JDOMException {
        try {
            return saxBuilder().build(reader);
        } catch (IOException e) {
            throw new JDOMException("cannot read the document: " + e.getMessage(), e);
        }
    }

    // A new builder per document: JDOM's SAXBuilder is not safe for concurrent use.
    private static SAXBuilder saxBuilder() {
        SAXBuilder builder = new RomeParserSettings().saxBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder;
    }

    private static void rejectHtml(String rootName, Page page) throws ExtractException {
        if (rootName.toLowerCase(Locale.ROOT).equals("html")) {
            String type = ContentType.mediaType(page.contentType());
            throw new ExtractException(page.url(), "expected an RSS or Atom feed but got an HTML page ("
                    + (type.isEmpty() ? "no Content-Type" : type) + ")");
        }
    }

    static ExtractException unreadable(Page page, String problem) {
        return new ExtractException(page.url(), "not a readable RSS/Atom document: " + problem);
    }

    private static String describe(JDOMException e, int lineShift) {
        if (e instanceof JDOMParseException parse && parse.getCause() instanceof SAXParseException sax) {
            String message = sax.getMessage().replaceAll("\\.$", "");
            return parse.getLineNumber() < 1 ? message : message + " (line " + (parse.getLineNumber() + lineShift) + ")";
        }
        return e.getMessage();
    }

    // XmlFixerReader drops whitespace and comments before the first markup; the parser's line
    // numbers start after them.
    private static int linesBeforeMarkup(String text) {
        int i = 0;
        while (true) {
            while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) i++;
            int close = text.startsWith("<!--", i) ? text.indexOf("-->", i + 4) : -1;
            if (close < 0) break;
            i = close + 3;
        }
        return (int) text.substring(0, i).chars().filter(c -> c == '\n').count();
    }

    /** Exposes Rome's hardened SAX builder settings ({@code createSAXBuilder} is protected). */
    private static final class RomeParserSettings extends WireFeedInput {
        RomeParserSettings() {
            setAllowDoctypes(true);
        }

        SAXBuilder saxBuilder() {
            return createSAXBuilder();
        }
    }
}
