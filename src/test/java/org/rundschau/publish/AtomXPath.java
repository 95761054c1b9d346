package org.rundschau.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A written Atom document parsed by the JDK's XML parser, queried with XPath; prefix {@code a} is Atom. */
final class AtomXPath {
    private final Document document;
    private final XPath xpath;

    AtomXPath(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
        xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new AtomNamespace());
    }

    /** The string values of all nodes {@code expression} selects, in document order. */
    List<String> all(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath: " + expression, e);
        }
    }

    /** The string value of {@code expression}; "" when it selects nothing. */
    String one(String expression) {
        try {
            return xpath.evaluate(expression, document);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath: " + expression, e);
        }
    }

    /** How many nodes {@code expression} selects. */
    int count(String expression) {
        return all(expression).size();
    }

    private static final class AtomNamespace implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return switch (prefix) {
                case "a" -> AtomPublisher.ATOM_NAMESPACE;
                case XMLConstants.XML_NS_PREFIX -> XMLConstants.XML_NS_URI;
                default -> XMLConstants.NULL_NS_URI;
            };
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return AtomPublisher.ATOM_NAMESPACE.equals(namespaceUri) ? "a" : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return List.of("a").iterator();
        }
    }
}
