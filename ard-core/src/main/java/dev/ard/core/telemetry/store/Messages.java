package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns driver and file-system errors into the one-line texts ARD prints. */
public final class Messages {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"<>]+");
    private static final Pattern PARAMETER = Pattern.compile("[?&;]([^=&;?#]+)=([^&;#]*)");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("pass|pwd|secret|token|key|cred|auth|private");

    private Messages() {}

    /**
     * One line, without the secret. For a driver's message use {@link #oneLine(String, StoreConfig)}: drivers may
     * echo the store's URL, and with it whatever login it carries.
     */
    public static String oneLine(String message, String secret) {
        String text = message == null
                ? "(no message)"
                : message.replaceAll("\\s+", " ").trim();
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "***");
        }
        return text;
    }

    /**
     * One line without anything secret the store's URL or login holds: drivers do echo the URL
     * (PostgreSQL's {@code Unable to parse URL jdbc:postgresql://…?password=…}) or its user-info
     * ({@code UnknownHostException: user:pass@host}). The full URL, and any other JDBC URL in the text,
     * becomes its {@link StoreConfig#redactedUrl() redacted form}; the user-info and the values of
     * secret-looking URL parameters that still appear on their own become {@code ***}.
     */
    public static String oneLine(String message, StoreConfig config) {
        if (config == null) {
            return oneLine(message, (String) null);
        }
        String text = oneLine(message, config.password());
        String url = config.jdbcUrl();
        if (url == null) {
            return text;
        }
        text = text.replace(url, config.redactedUrl());
        Matcher urls = JDBC_URL.matcher(text);
        StringBuilder redacted = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(redacted, Matcher.quoteReplacement(StoreConfig.redact(urls.group())));
        }
        text = urls.appendTail(redacted).toString();
        String userInfo = userInfoOf(url);
        if (userInfo != null) {
            text = text.replace(userInfo + "@", "");
        }
        for (String secret : secretsOf(url)) {
            text = text.replace(secret, "***");
        }
        return text;
    }

    /**
     * A copy of a driver's exception (and its causes) whose messages went through {@link #oneLine(String,
     * StoreConfig)}, with the original stack traces: what {@code mvn -e} prints stays free of secrets too.
     */
    public static SQLException scrubbed(Throwable e, StoreConfig config) {
        return scrubbed(e, config, 0);
    }

    private static SQLException scrubbed(Throwable e, StoreConfig config, int depth) {
        Throwable cause = e.getCause();
        SQLException scrubbedCause =
                cause == null || cause == e || depth > 8 ? null : scrubbed(cause, config, depth + 1);
        String message =
                (depth == 0 && e instanceof SQLException ? "" : e.getClass().getName() + ": ")
                        + oneLine(e.getMessage(), config);
        SQLException copy = e instanceof SQLException sql
                ? new SQLException(message, sql.getSQLState(), sql.getErrorCode(), scrubbedCause)
                : new SQLException(message, scrubbedCause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** The {@code user:password} before the host of a hierarchical URL, or {@code null}. */
    private static String userInfoOf(String url) {
        int scheme = url.indexOf("//");
        if (scheme < 0) {
            return null;
        }
        int end = scheme + 2;
        while (end < url.length() && "/?;#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(scheme + 2, end);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    /** The user-info's password and the values of secret-looking parameters of a store URL. */
    private static List<String> secretsOf(String url) {
        List<String> secrets = new ArrayList<>();
        String userInfo = userInfoOf(url);
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon >= 0 && colon + 1 < userInfo.length()) {
            secrets.add(userInfo.substring(colon + 1));
        }
        Matcher parameters = PARAMETER.matcher(url);
        while (parameters.find()) {
            String name = parameters.group(1).toLowerCase(Locale.ROOT);
            String value = parameters.group(2);
            if (!value.isEmpty() && SECRET_PARAMETER.matcher(name).find()) {
                secrets.add(value);
            }
        }
        // the longest first, so a secret that contains another is replaced whole
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    /** The reason of a file error, e.g. {@code Read-only file system}, {@code permission denied}. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** {@code 250 ms}, {@code 10 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
