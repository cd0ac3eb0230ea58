package dev.ard.surefire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads the testcases of a Surefire {@code TEST-*.xml} file, the way an XML parser sees them. */
final class JUnitXml {
    /** One problem element of a testcase: failure, error, skipped, flakyFailure, rerunError, … */
    record Problem(String tag, String type, String text) {}

    /** One testcase element; {@code time} is {@code null} when the attribute is absent. */
    record TestCase(String className, String name, String time, List<Problem> problems) {
        /** The time attribute in whole milliseconds, as ARD's XML reader computes it. */
        long timeMs() {
            return time == null ? 0 : Math.round(Double.parseDouble(time) * 1000);
        }
    }

    private JUnitXml() {}

    static List<TestCase> read(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            NodeList cases = builder.parse(file.toFile()).getElementsByTagName("testcase");
            List<TestCase> result = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                result.add(new TestCase(
                        testCase.hasAttribute("classname") ? testCase.getAttribute("classname") : null,
                        testCase.getAttribute("name"),
                        testCase.hasAttribute("time") ? testCase.getAttribute("time") : null,
                        problems(testCase)));
            }
            return result;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Problem> problems(Element testCase) {
        List<Problem> problems = new ArrayList<>();
        for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || element.getTagName().startsWith("system-")) {
                continue;
            }
            String type = element.hasAttribute("type") ? element.getAttribute("type") : null;
            problems.add(new Problem(element.getTagName(), type, problemText(element)));
        }
        return problems;
    }

    /** Flaky and rerun elements nest the trace in {@code <stackTrace>}; the others hold it directly. */
    private static String problemText(Element element) {
        NodeList nested = element.getElementsByTagName("stackTrace");
        if (nested.getLength() > 0) {
            return nested.item(0).getTextContent();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }
}
