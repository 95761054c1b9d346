package org.rundschau.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;

/**
 * Writes {@code sources.opml}, the list of sources as an OPML 2.0 subscription list
 * (http://opml.org/spec2.opml), so a reader can subscribe to each source on its own.
 *
 * <ul>
 *   <li>A feed source is an {@code outline type="rss"} with its own feed as {@code xmlUrl}.</li>
 *   <li>An HTML source has no feed of its own: its {@code xmlUrl} is the feed Rundschau makes of it,
 *       {@code source/<id>.atom}, and its {@code htmlUrl} the scraped page.</li>
 *   <li>Rundschau's feed URLs are absolute when {@code feed.self} is configured (resolved against
 *       it), else relative to the OPML file.</li>
 *   <li>The document carries no creation date, so an unchanged configuration gives unchanged bytes
 *       and the file is not rewritten.</li>
 * </ul>
 */
public final class OpmlPublisher {
    /** The file name in the output folder. */
    public static final String FILE = "sources.opml";

    /**
     * Writes the OPML of {@code config.sources()} to {@code config.output()/sources.opml}, atomically
     * and only when its bytes change.
     *
     * @return whether the file was written
     * @throws IOException when the file cannot be written
     */
    public boolean write(AppConfig config) throws IOException {
        return new AtomicFile(config.output().resolve(FILE)).replaceIfChanged(render(config));
    }

    byte[] render(AppConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            line(xml, "title", config.feed().title() + " – " + PageText.of(config.locale()).sources());
            line(xml, "docs", "http://opml.org/spec2.opml");
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (SourceConfig source : config.sources()) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                List<String> attributes = outline(source, config.feed());
                for (int i = 0; i < attributes.size(); i += 2) {
                    xml.writeAttribute(attributes.get(i), XmlChars.attribute(attributes.get(i + 1)));
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot write OPML into memory", e);
        }
    }

    private static void line(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeCharacters(XmlChars.text(text));
        xml.writeEndElement();
    }

    /** The outline's attributes as name, value pairs. */
    private static List<String> outline(SourceConfig source, FeedConfig feed) {
        List<String> attributes = new ArrayList<>(List.of("type", "rss", "text", source.name(), "title", source.name()));
        if (source.isHtml()) {
            attributes.addAll(List.of("xmlUrl", rundschauFeed(feed, source), "htmlUrl", source.url().toString()));
        } else {
            attributes.addAll(List.of("xmlUrl", source.url().toString()));
        }
        attributes.addAll(List.of("language", source.locale().toLanguageTag()));
        return attributes;
    }

    /** Where Rundschau publishes the feed of {@code source}: beside feed.self when known, else relative. */
    static String rundschauFeed(FeedConfig feed, SourceConfig source) {
        String path = "source/" + source.id() + ".atom";
        return feed.self().isEmpty() ? path : URI.create(feed.self()).resolve(path).toString();
    }
}
