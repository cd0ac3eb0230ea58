package dev.ard.surefire;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Properties;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;

/**
 * How the running Surefire's {@code StatelessXmlReporter} fills a testcase's {@code classname}
 * attribute. {@code SurefireStatelessReporter} never turns on the "phrased" names, so only the
 * non-phrased branch matters, but that branch changed twice:
 * <ul>
 *   <li>up to 3.5.3: the source (class) name, plus {@code (suffix)} when a report name suffix is set;</li>
 *   <li>3.5.4 to 3.5.x: the source text when the provider set one (JUnit 5: the class display name or
 *       the enclosing class of a {@code @Nested} test), without suffix; else as before;</li>
 *   <li>3.6.0 and later: {@code WrappedReportEntry.getSourceQualifiedName()} plus the suffix.</li>
 * </ul>
 * We must write exactly what the XML says, so that results read from our file and results read from
 * {@code TEST-*.xml} (the fallback) name the same test the same way.
 */
enum ClassNameRule {
    /** Surefire up to 3.5.3. */
    SOURCE_NAME,
    /** Surefire 3.5.4 to 3.5.x. */
    SOURCE_TEXT_FIRST,
    /** Surefire 3.6.0 and later. */
    QUALIFIED_NAME;

    private static final String POM_PROPERTIES =
            "/META-INF/maven/org.apache.maven.surefire/maven-surefire-common/pom.properties";

    /**
     * The rule of the Surefire that loaded {@code wrappedReportEntryClass}. 3.6 is recognised by its
     * new public method; the 3.5.4 change left no trace in the API, so the jar's version decides.
     * An unknown version is taken as 3.5.4 or later: the newest behaviour before 3.6.
     */
    static ClassNameRule detect(Class<?> wrappedReportEntryClass) {
        if (qualifiedNameMethod(wrappedReportEntryClass) != null) {
            return QUALIFIED_NAME;
        }
        return forPre36Version(surefireVersion(wrappedReportEntryClass));
    }

    /** The rule of a Surefire before 3.6 by its version; {@code null} or unparsable means 3.5.4+. */
    static ClassNameRule forPre36Version(String version) {
        int[] numbers = parseVersion(version);
        return numbers != null && compare(numbers, new int[] {3, 5, 4}) < 0 ? SOURCE_NAME : SOURCE_TEXT_FIRST;
    }

    /** The class name as the XML writes it, before XML escaping; {@code null} when it writes none. */
    String className(WrappedReportEntry entry, String reportNameSuffix, Method qualifiedNameMethod) {
        switch (this) {
            case SOURCE_NAME:
                return withSuffix(entry.getSourceName(), reportNameSuffix);
            case SOURCE_TEXT_FIRST:
                return entry.getSourceText() != null
                        ? entry.getSourceText()
                        : withSuffix(entry.getSourceName(), reportNameSuffix);
            case QUALIFIED_NAME:
                return withSuffix(invokeQualifiedName(entry, qualifiedNameMethod), reportNameSuffix);
            default:
                throw new IllegalStateException("unknown rule " + this);
        }
    }

    /** {@code WrappedReportEntry.getSourceQualifiedName()} (Surefire 3.6+), else {@code null}. */
    static Method qualifiedNameMethod(Class<?> wrappedReportEntryClass) {
        try {
            Method method = wrappedReportEntryClass.getMethod("getSourceQualifiedName");
            return method.getReturnType() == String.class ? method : null;
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }

    /** Same as Surefire: a blank suffix adds nothing, else {@code name(suffix)}. */
    static String withSuffix(String name, String suffix) {
        return isBlank(suffix) ? name : name + "(" + suffix + ")";
    }

    static int[] parseVersion(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.trim().split("[.-]");
        int[] numbers = new int[3];
        for (int i = 0; i < numbers.length && i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,6}")) {
                return i == 0 ? null : numbers;
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static String surefireVersion(Class<?> wrappedReportEntryClass) {
        Package pkg = wrappedReportEntryClass.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (InputStream in = wrappedReportEntryClass.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String invokeQualifiedName(WrappedReportEntry entry, Method qualifiedNameMethod) {
        try {
            return (String) qualifiedNameMethod.invoke(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the qualified source name of " + entry.getSourceName(), e);
        }
    }

    private static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
