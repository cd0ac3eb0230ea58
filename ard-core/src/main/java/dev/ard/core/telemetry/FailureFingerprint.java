package dev.ard.core.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable short hash that says "this is the same failure" across builds and machines.
 *
 * <p>It hashes the failure type, the top frames of the stack trace and the types of its
 * {@code Caused by:} chain. Messages are left out (they often carry timestamps, ids, temp paths),
 * and so are line numbers and file names (an unrelated edit above the failing line must not turn a
 * known failure into a new one). Frames of the test framework, Surefire and reflection are dropped:
 * they differ between JUnit/Surefire versions and say nothing about the failure. The frames kept are
 * the first ones of the code under test, up to where the framework takes over again.
 */
final class FailureFingerprint {
    /** Enough frames to tell failures apart, few enough that deep call paths into the same spot match. */
    static final int MAX_FRAMES = 5;

    private static final int HEX_LENGTH = 16;

    /** Frames of these packages are the test machinery, not the code under test. */
    private static final List<String> INTERNAL_PREFIXES = List.of(
            "org.junit.",
            "junit.",
            "org.opentest4j.",
            "org.testng.",
            "org.apache.maven.surefire.",
            "org.apache.maven.plugin.surefire.",
            "java.lang.reflect.",
            "jdk.internal.reflect.",
            "sun.reflect.",
            "jdk.proxy");

    /** {@code at [loader/][module@version/]class.method(File.java:12)}. */
    private static final Pattern FRAME_LOCATION = Pattern.compile("\\(.*\\)\\s*$");

    /** Lambda and hidden-class names carry per-run numbers: {@code Foo$$Lambda$12/0x0000000800c0b000}. */
    private static final Pattern LAMBDA_SUFFIX = Pattern.compile("\\$\\$Lambda[$/0-9a-fA-Fx]*");

    /** Generated reflection accessors are numbered per JVM run. */
    private static final Pattern GENERATED_NUMBER = Pattern.compile("(Generated\\w*Accessor)\\d+");

    private FailureFingerprint() {}

    /**
     * The fingerprint of a failure, or {@code null} when there is nothing to fingerprint (both
     * arguments {@code null} or blank, as for a passed test).
     *
     * @param failureType the exception class Surefire reports ({@code type} attribute), may be {@code null}
     * @param stackTrace  the stack trace text Surefire reports, may be {@code null}
     */
    public static String of(String failureType, String stackTrace) {
        String type = blankToNull(failureType);
        List<String> lines = stackTrace == null ? List.of() : stackTrace.lines().toList();
        if (type == null) {
            type = typeFromFirstLine(lines);
        }
        if (type == null && lines.isEmpty()) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(type == null ? "" : type);
        for (String frame : topFrames(lines)) {
            canonical.append('\n').append(frame);
        }
        for (String cause : causeTypes(lines)) {
            canonical.append("\ncaused by ").append(cause);
        }
        return sha256Hex(canonical.toString()).substring(0, HEX_LENGTH);
    }

    /** The first frames of the top-level throwable that belong to the code under test. */
    static List<String> topFrames(List<String> lines) {
        List<String> frames = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Caused by:")) {
                break; // the top-level throwable's own frames end here
            }
            if (!trimmed.startsWith("at ")) {
                continue; // message lines (possibly many), "... 12 more", suppressed headers
            }
            String frame = normalizeFrame(trimmed.substring(3));
            if (isInternal(frame)) {
                if (!frames.isEmpty()) {
                    break; // the framework took over again: everything below is the runner
                }
                continue; // assertion helpers above the test code
            }
            frames.add(frame);
            if (frames.size() == MAX_FRAMES) {
                break;
            }
        }
        return frames;
    }

    /** {@code class.method} without class loader, module, file or line. */
    static String normalizeFrame(String frame) {
        String s = FRAME_LOCATION.matcher(frame).replaceFirst("");
        s = LAMBDA_SUFFIX.matcher(s).replaceAll(Matcher.quoteReplacement("$$Lambda"));
        s = GENERATED_NUMBER.matcher(s).replaceAll("$1");
        int slash = s.lastIndexOf('/');
        return slash < 0 ? s.strip() : s.substring(slash + 1).strip();
    }

    private static boolean isInternal(String frame) {
        for (String prefix : INTERNAL_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> causeTypes(List<String> lines) {
        List<String> causes = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Caused by:")) {
                String type = typeOf(trimmed.substring("Caused by:".length()).strip());
                if (type != null) {
                    causes.add(type);
                }
            }
        }
        return causes;
    }

    private static String typeFromFirstLine(List<String> lines) {
        return lines.isEmpty() ? null : typeOf(lines.get(0).strip());
    }

    /** The exception class at the start of a {@code type: message} header line, the way Surefire cuts it. */
    private static String typeOf(String header) {
        int colon = header.indexOf(':');
        String type = (colon < 0 ? header : header.substring(0, colon)).strip();
        int space = type.indexOf(' ');
        type = space < 0 ? type : type.substring(0, space);
        return type.isEmpty() ? null : type;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
