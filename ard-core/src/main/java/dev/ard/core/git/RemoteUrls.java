package dev.ard.core.git;

import java.util.regex.Pattern;

/**
 * Removes credentials from remote URLs. CI systems clone with a token in the URL
 * ({@code https://x-access-token:TOKEN@github.com/o/r.git}), and the origin URL ends up in stored
 * telemetry and in provenance, so the whole user-info part goes, user name included.
 */
final class RemoteUrls {
    /** {@code scheme://user-info@host…}: user-info may itself contain {@code @} when not encoded. */
    private static final Pattern URL_USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /** scp-like {@code user@host:path}, the form git uses without a scheme. */
    private static final Pattern SCP_USER = Pattern.compile("^[^/@:]+@(?=[^/:]+:)");

    /** Any {@code scheme://user-info@} inside free text such as an exception message. */
    private static final Pattern USER_INFO_IN_TEXT = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");

    private RemoteUrls() {}

    /** The URL without user-info, or {@code null} for {@code null}/blank. */
    static String withoutUserInfo(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String s = url.strip();
        if (s.contains("://")) {
            return URL_USER_INFO.matcher(s).replaceFirst("$1");
        }
        return SCP_USER.matcher(s).replaceFirst("");
    }

    /** {@code text} with every URL's user-info removed. */
    static String redactUserInfo(String text) {
        return USER_INFO_IN_TEXT.matcher(text).replaceAll("$1");
    }
}
