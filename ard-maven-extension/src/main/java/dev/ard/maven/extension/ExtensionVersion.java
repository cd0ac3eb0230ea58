package dev.ard.maven.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This extension's own version, which is also the version of the reporter it adds to Surefire. */
final class ExtensionVersion {

    static final String RESOURCE = "ard-extension.properties";

    private ExtensionVersion() {}

    /** The version filtered into {@code ard-extension.properties} at build time. */
    public static String current() {
        try (InputStream in = ExtensionVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the extension jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            if (version.isEmpty() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
