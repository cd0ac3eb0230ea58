package dev.ard.core.telemetry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams one Surefire/Failsafe {@code TEST-*.xml} into attempts, refusing anything hostile.
 *
 * <p>Hardening: the JDK's own StAX parser (never one found on the class path, whose properties
 * might mean something else), DTDs unsupported and a {@code DOCTYPE} rejected outright (Surefire
 * never writes one, and it is where XXE and entity-expansion bombs live), external entities off,
 * external DTD/schema access denied, a resolver that refuses everything, secure processing limits on.
 * StAX does no XInclude.
 *
 * <p>Errors are {@link IOException}s whose message is one line and never quotes the document: no
 * part of a file the report tried to pull in can reach a log.
 */
final class JUnitXmlParser {
    /** What Surefire writes (as a comment, SUREFIRE-1986) for a skipped run among reruns. */
    private static final String RERUN_SKIPPED_COMMENT = "a skipped test execution in re-run phase";

    /** Enough bytes for any XML declaration. */
    private static final int DECLARATION_PEEK = 256;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private final XMLInputFactory factory;

    JUnitXmlParser() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Errors end up in the exception; without a reporter the JDK parser also prints some to stderr.
        factory.setXMLReporter((message, errorType, info, location) -> {});
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused");
        });
        trySet(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        trySet(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        trySet("jdk.xml.entityExpansionLimit", "1000");
        trySet("jdk.xml.maxGeneralEntitySizeLimit", "10000");
        trySet("jdk.xml.totalEntitySizeLimit", "100000");
    }

    private void trySet(String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // not known to this JDK: the DOCTYPE rejection below still keeps entities out
        }
    }

    /** The attempts of one report; fails with a one-line reason (without the file name). */
    List<TestAttempt> parse(Path file) throws IOException {
        try (Reader in = openReader(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                return parseDocument(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException) {
                throw new IOException("not well-formed XML: bad byte sequence for its encoding", e);
            }
            throw new IOException("not well-formed XML: " + describe(e), e);
        } catch (CharacterCodingException e) {
            throw new IOException("not well-formed XML: bad byte sequence for its encoding", e);
        } catch (RuntimeException e) {
            // The JDK parser reports some malformed input (bad encodings, limits) as runtime exceptions.
            throw new IOException("unreadable XML: " + oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Decodes the file ourselves: given bytes, the JDK parser prints every encoding error to stderr
     * besides throwing it, which would litter the user's build log. Surefire writes UTF-8; a byte order
     * mark or an {@code encoding} in the XML declaration is honoured.
     */
    private static Reader openReader(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            in.mark(DECLARATION_PEEK);
            byte[] head = in.readNBytes(DECLARATION_PEEK);
            in.reset();
            Charset charset = StandardCharsets.UTF_8;
            int bom = 0;
            if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
                bom = 3;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
                charset = StandardCharsets.UTF_16BE;
                bom = 2;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
                charset = StandardCharsets.UTF_16LE;
                bom = 2;
            } else {
                charset = declaredCharset(new String(head, StandardCharsets.ISO_8859_1));
            }
            in.skipNBytes(bom);
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new InputStreamReader(in, decoder);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static Charset declaredCharset(String head) throws IOException {
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = head.indexOf("?>");
        Matcher m = DECLARED_ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IOException("unsupported encoding '" + shorten(m.group(1)) + "'");
        }
    }

    private static List<TestAttempt> parseDocument(XMLStreamReader reader) throws XMLStreamException, IOException {
        List<TestAttempt> attempts = new ArrayList<>();
        List<String> suiteNames = new ArrayList<>();
        boolean rootSeen = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IOException("DOCTYPE not allowed in a test report");
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new IOException("entity references not allowed in a test report");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!name.equals("testsuite") && !name.equals("testsuites")) {
                        throw new IOException("not a JUnit XML report (root element <" + shorten(name) + ">)");
                    }
                }
                if (name.equals("testsuite")) {
                    suiteNames.add(reader.getAttributeValue(null, "name"));
                } else if (name.equals("testcase")) {
                    String suite = suiteNames.isEmpty() ? null : suiteNames.get(suiteNames.size() - 1);
                    attempts.addAll(parseTestcase(reader, suite));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && reader.getLocalName().equals("testsuite")
                    && !suiteNames.isEmpty()) {
                suiteNames.remove(suiteNames.size() - 1);
            }
        }
        if (!rootSeen) {
            throw new IOException("no root element");
        }
        return attempts;
    }

    /** Reads from a {@code <testcase>} start to its end; see {@link JUnitXmlReports} for the mapping. */
    private static List<TestAttempt> parseTestcase(XMLStreamReader reader, String suiteName)
            throws XMLStreamException, IOException {
        String className = reader.getAttributeValue(null, "classname");
        if (className == null) {
            className = suiteName == null ? "" : suiteName;
        }
        String methodName = reader.getAttributeValue(null, "name");
        if (methodName == null) {
            methodName = "";
        }
        long durationMs = parseTime(reader.getAttributeValue(null, "time"));

        Problem primary = null;
        List<Problem> others = new ArrayList<>(); // reruns or flaky runs, in document order
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) {
                    String child = reader.getLocalName();
                    switch (child) {
                        case "failure" -> primary = readProblem(reader, AttemptKind.FAILURE);
                        case "error" -> primary = readProblem(reader, AttemptKind.ERROR);
                        case "skipped" -> primary = readProblem(reader, AttemptKind.SKIPPED);
                        case "rerunFailure", "flakyFailure" -> others.add(readProblem(reader, AttemptKind.FAILURE));
                        case "rerunError", "flakyError" -> others.add(readProblem(reader, AttemptKind.ERROR));
                        default -> depth++;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.COMMENT
                    && depth == 1
                    && RERUN_SKIPPED_COMMENT.equals(reader.getText().strip())) {
                others.add(new Problem(AttemptKind.SKIPPED, null, null));
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new IOException("entity references not allowed in a test report");
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new IOException("report ends inside a <testcase>");
            }
        }

        // The testcase time belongs to the run Surefire wrote it from: the first run of a failed or
        // skipped method, the successful run of a flaky one. The XML keeps no time for other runs.
        List<TestAttempt> attempts = new ArrayList<>(others.size() + 1);
        if (primary != null) {
            attempts.add(primary.toAttempt(className, methodName, durationMs));
            for (Problem rerun : others) {
                attempts.add(rerun.toAttempt(className, methodName, 0));
            }
        } else {
            for (Problem flaky : others) {
                attempts.add(flaky.toAttempt(className, methodName, 0));
            }
            attempts.add(new TestAttempt(className, methodName, durationMs, AttemptKind.SUCCESS, null, null));
        }
        return attempts;
    }

    /**
     * Reads a failure-like element to its end. The trace is the element's own text, or the text of its
     * {@code <stackTrace>} child (rerun and flaky elements nest it beside {@code system-out}).
     */
    private static Problem readProblem(XMLStreamReader reader, AttemptKind kind)
            throws XMLStreamException, IOException {
        String type = reader.getAttributeValue(null, "type");
        StringBuilder ownText = new StringBuilder();
        StringBuilder stackTrace = null;
        int depth = 1;
        boolean inStackTrace = false;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 2 && reader.getLocalName().equals("stackTrace")) {
                        inStackTrace = true;
                        stackTrace = new StringBuilder();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 2) {
                        inStackTrace = false;
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        ownText.append(reader.getText());
                    } else if (inStackTrace && depth == 2) {
                        stackTrace.append(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new IOException("entity references not allowed in a test report");
                case XMLStreamConstants.END_DOCUMENT -> throw new IOException("report ends inside <" + kind + ">");
                default -> {}
            }
        }
        String trace = stackTrace != null ? stackTrace.toString() : ownText.toString();
        return new Problem(kind, type == null || type.isBlank() ? null : type, trace.isBlank() ? null : trace);
    }

    private static long parseTime(String time) throws IOException {
        if (time == null || time.isBlank()) {
            return 0; // Surefire omits it when the run had no elapsed time
        }
        try {
            return SurefireTime.toMillis(time);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad testcase " + oneLine(e.getMessage()));
        }
    }

    /** "line L, column C: message", without the parser's multi-line "ParseError at" preamble. */
    private static String describe(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message:");
        if (at >= 0) {
            message = message.substring(at + "Message:".length());
        }
        Location location = e.getLocation();
        String where = location == null || location.getLineNumber() < 0
                ? ""
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": ";
        return where + shorten(oneLine(message));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** A non-successful run as the report describes it. */
    private record Problem(AttemptKind kind, String type, String trace) {
        TestAttempt toAttempt(String className, String methodName, long durationMs) {
            return new TestAttempt(className, methodName, durationMs, kind, type, trace);
        }
    }
}
