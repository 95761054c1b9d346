package org.rundschau.extract;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Rome's model does not keep about one item or entry, read from the document itself: whether
 * the document declares an identifier (Rome copies the link into the URI when there is none), whether
 * an RSS guid is a permalink, whether there is a link element, the raw text of the publication date
 * (Rome drops dates it cannot parse), and the xml:base in effect.
 *
 * @param guid               RSS {@code guid}, Atom {@code id} or RSS 1.0 {@code rdf:about}; "" when absent
 * @param guidIsPermalink    an RSS guid without {@code isPermaLink="false"}: a URL for the item
 * @param hasLinkElement     the item has a {@code link} element
 * @param rawDates           the text of the item's date elements, publication before modification
 * @param base               xml:base of the item and its ancestors, resolved against the feed's URL
 * @param summaryBase        xml:base in effect for the item's summary or content element: its own,
 *                           else {@code base}
 * @param baseDeclared       whether the document declares an xml:base for the summary (on it, the
 *                           item or an ancestor); when not, {@code summaryBase} is the feed's URL
 */
record EntryMarkup(String guid, boolean guidIsPermalink, boolean hasLinkElement, List<String> rawDates, URI base,
                   URI summaryBase, boolean baseDeclared) {
    public EntryMarkup {
        rawDates = List.copyOf(rawDates);
    }

    /** Publication before modification, each format's name for it. */
    private static final List<String> DATE_ELEMENTS =
            List.of("published", "issued", "pubDate", "date", "created", "updated", "modified");
    /** Where Rome finds the summary: the description first, then the content. */
    private static final List<String> SUMMARY_ELEMENTS = List.of("summary", "description", "content", "encoded");
    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /**
     * The markup of every item or entry, in the order Rome lists them: the root's {@code entry}
     * (Atom) or {@code item} (RSS 0.90/1.0) children, else the channel's {@code item} children.
     */
    static List<EntryMarkup> of(Document document, URI feedUrl) {
        Element root = document.getRootElement();
        Element parent = parent(root);
        URI parentBase = parent == root ? base(feedUrl, root) : base(base(feedUrl, root), parent);
        boolean declared = hasBase(root) || hasBase(parent);
        List<EntryMarkup> entries = new ArrayList<>();
        for (Element entry : children(parent, "entry", "item")) {
            entries.add(read(entry, base(parentBase, entry), declared || hasBase(entry)));
        }
        return entries;
    }

    private static List<Element> entries(Document document) {
        return children(parent(document.getRootElement()), "entry", "item");
    }

    /** The root when it has entries or items, else its channel, else the root. */
    private static Element parent(Element root) {
        if (!children(root, "entry", "item").isEmpty()) return root;
        return root.getChildren().stream().filter(e -> e.getName().equals("channel")).findFirst().orElse(root);
    }

    /**
     * Takes the date elements out of every item or entry that {@link #of} reads, so that Rome does
     * not parse them while it builds the feed: Rundschau reads them from {@link #rawDates} instead,
     * and Rome's date parser, which tries some twenty patterns with a new {@code SimpleDateFormat}
     * each, was half of a feed's extraction (docs/benchmarks.md). Call after {@link #of}.
     *
     * @return what puts them back where they were, for when Rome's entries and the markup's cannot
     *         be matched and Rome's own dates are needed after all
     */
    static Runnable detachDates(Document document) {
        record Detached(Element parent, int index, Element child) {}
        List<Detached> detached = new ArrayList<>();
        for (Element entry : entries(document)) {
            for (Element child : List.copyOf(entry.getChildren())) {
                if (DATE_ELEMENTS.contains(child.getName())) {
                    detached.add(new Detached(entry, entry.indexOf(child), child));
                    child.detach();
                }
            }
        }
        return () -> {
            for (int i = detached.size() - 1; i >= 0; i--) {
                Detached d = detached.get(i);
                d.parent().addContent(d.index(), d.child());
            }
        };
    }

    /** For an entry whose markup could not be matched: Rome's link and dates, no guid. */
    static EntryMarkup unknown(URI feedUrl) {
        return new EntryMarkup("", false, true, List.of(), feedUrl, feedUrl, false);
    }

    private static EntryMarkup read(Element entry, URI base, boolean baseDeclared) {
        Optional<Element> guid = child(entry, "guid");
        Optional<Element> id = guid.isPresent() ? Optional.empty() : child(entry, "id");
        String about = entry.getAttributeValue("about", RDF, "");
        String identifier = guid.or(() -> id).map(Element::getTextTrim).orElse(about.strip());
        boolean permalink = guid.isPresent()
                && !"false".equals(guid.get().getAttributeValue("isPermaLink", "").strip().toLowerCase(Locale.ROOT));
        Optional<Element> summary = SUMMARY_ELEMENTS.stream().flatMap(name -> child(entry, name).stream())
                .filter(e -> !e.getTextTrim().isEmpty() || !e.getChildren().isEmpty())
                .findFirst();
        URI summaryBase = summary.map(e -> base(base, e)).orElse(base);
        boolean declared = baseDeclared || summary.map(EntryMarkup::hasBase).orElse(false);
        return new EntryMarkup(identifier, permalink, child(entry, "link").isPresent(), rawDates(entry), base,
                summaryBase, declared);
    }

    private static boolean hasBase(Element element) {
        return element.getAttributeValue("base", Namespace.XML_NAMESPACE) != null;
    }

    private static List<String> rawDates(Element entry) {
        return DATE_ELEMENTS.stream()
                .flatMap(name -> child(entry, name).stream())
                .map(Element::getTextNormalize)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    private static URI base(URI outer, Element element) {
        String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
        return xmlBase == null ? outer : Links.resolveBase(outer, xmlBase);
    }

    private static List<Element> children(Element parent, String... names) {
        List<String> wanted = List.of(names);
        return parent.getChildren().stream().filter(e -> wanted.contains(e.getName())).toList();
    }

    private static Optional<Element> child(Element parent, String name) {
        return parent.getChildren().stream().filter(e -> e.getName().equals(name)).findFirst();
    }
}
