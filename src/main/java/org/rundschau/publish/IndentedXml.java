package org.rundschau.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A UTF-8 XML document written element by element, one element per line, indented by two spaces.
 *
 * <p>Uses the JDK's own StAX writer ({@link XMLOutputFactory#newDefaultFactory()}), never one found
 * on the class path (Woodstox arrives with test dependencies), so the bytes do not depend on the
 * class path. Every text and attribute value passes through {@link XmlChars}, so no input can make
 * the document ill-formed. Attributes are given as name, value pairs and written in that order.
 *
 * <p>Writing into memory cannot fail for I/O reasons; a {@link XMLStreamException} here is a bug and
 * surfaces as {@link IllegalStateException}.
 */
final class IndentedXml {
    private static final String INDENT = "  ";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter writer;
    private int depth;

    /** Starts a document whose root element {@code root} declares {@code namespace} as default namespace. */
    IndentedXml(String root, String namespace, String language) {
        try {
            writer = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.writeStartElement(root);
            writer.writeDefaultNamespace(namespace);
            writer.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", language);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot start XML document", e);
        }
    }

    /**
     * Starts a document whose root element {@code root} has no default namespace and no
     * {@code xml:lang}, such as RSS 2.0's {@code <rss>}.
     */
    IndentedXml(String root) {
        try {
            writer = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.writeStartElement(root);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot start XML document", e);
        }
    }

    /** Declares {@code prefix} for {@code namespace} on the root element; only before its first child. */
    IndentedXml declare(String prefix, String namespace) {
        try {
            writer.writeNamespace(prefix, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot declare namespace " + prefix, e);
        }
    }

    /** Adds an attribute to the root element; only before its first child. */
    IndentedXml rootAttribute(String name, String value) {
        try {
            writer.writeAttribute(name, XmlChars.attribute(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot write root attribute " + name, e);
        }
    }

    /** Writes {@code <prefix:name attributes/>}; {@code prefix} must have been {@link #declare declared}. */
    IndentedXml emptyIn(String prefix, String namespace, String name, String... attributes) {
        try {
            newLine();
            writer.writeEmptyElement(prefix, name, namespace);
            writeAttributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot write <" + prefix + ":" + name + "/>", e);
        }
    }

    /** Opens an element that will hold child elements; close it with {@link #close()}. */
    IndentedXml open(String name, String... attributes) {
        try {
            newLine();
            writer.writeStartElement(name);
            writeAttributes(attributes);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot open <" + name + ">", e);
        }
    }

    /** Closes the innermost element opened with {@link #open}. */
    IndentedXml close() {
        try {
            depth--;
            newLine();
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot close element", e);
        }
    }

    /** Writes {@code <name attributes>text</name>} on one line. */
    IndentedXml text(String name, String text, String... attributes) {
        try {
            newLine();
            writer.writeStartElement(name);
            writeAttributes(attributes);
            writer.writeCharacters(XmlChars.text(text));
            writer.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot write <" + name + ">", e);
        }
    }

    /** Writes {@code <name attributes/>}. */
    IndentedXml empty(String name, String... attributes) {
        try {
            newLine();
            writer.writeEmptyElement(name);
            writeAttributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot write <" + name + "/>", e);
        }
    }

    /** Closes the root element and returns the whole document, ending in a line feed. */
    byte[] finish() {
        try {
            if (depth != 1) {
                throw new IllegalStateException("publish: " + (depth - 1) + " element(s) left open");
            }
            depth = 0;
            newLine();
            writer.writeEndElement();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("publish: cannot finish XML document", e);
        }
    }

    private void writeAttributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String value = XmlChars.attribute(attributes[i + 1]);
            if (attributes[i].equals("xml:lang")) {
                writer.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", value);
            } else {
                writer.writeAttribute(attributes[i], value);
            }
        }
    }

    private void newLine() throws XMLStreamException {
        writer.writeCharacters("\n" + INDENT.repeat(depth));
    }
}
