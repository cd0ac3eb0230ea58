package dev.ard.maven.plugin.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The core extensions of a build, read from {@code <root>/.mvn/extensions.xml} (the file Maven reads
 * before the projects; the plugin API does not expose the list). The parser refuses DTDs and external
 * entities: the file is in the repository being built and may be hostile.
 */
public final class CoreExtensions {
    /** One {@code <extension>}. */
    public record Coordinates(String groupId, String artifactId, String version) {}

    private CoreExtensions() {}

    /** The extensions, or an empty list when the file does not exist; a malformed file is an IOException naming it. */
    public static List<Coordinates> read(Path root) throws IOException {
        Path file = root.resolve(".mvn/extensions.xml");
        List<Coordinates> result = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            NodeList nodes = builder().parse(in).getDocumentElement().getElementsByTagName("extension");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String g = text(e, "groupId");
                String a = text(e, "artifactId");
                String v = text(e, "version");
                if (g != null && a != null && v != null) {
                    result.add(new Coordinates(g, a, v));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getClass().getSimpleName(), e);
        } catch (Exception e) {
            throw new IOException(
                    file + ": not a valid extensions.xml (" + e.getClass().getSimpleName() + ")", e);
        }
        return result;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // The default handler prints "[Fatal Error] …" to standard error; the exception says it already.
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return builder;
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && name.equals(child.getTagName())) {
                String s = child.getTextContent();
                return s == null || s.isBlank() ? null : s.strip();
            }
        }
        return null;
    }
}
