package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.SecretNames;
import dev.ard.core.attest.model.SourceDescriptor;
import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.settings.SettingsCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameters of a build as SLSA splits them: {@code externalParameters} are what the person or CI
 * starting the build chose (goals, profiles, allow-listed {@code -D} properties, source, module);
 * {@code internalParameters} what the build platform brought (Maven, Java, OS, whether the working
 * tree was dirty, offline). A consumer checks the external ones against expectations; every field is
 * documented in {@code docs/provenance-buildtype.md}.
 */
public final class BuildParameters {
    /** {@code -D} properties recorded by default: they change what is built and carry no secrets. */
    public static final String DEFAULT_ALLOWED = SettingsCatalog.DEFAULT_PROVENANCE_PROPERTIES;

    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");

    private BuildParameters() {}

    /**
     * The user properties whose names the allow-list matches ({@code name} exactly, or {@code prefix*}),
     * minus every name that {@link SecretNames#looksSecret looks secret} (whatever the allow-list says),
     * with any URL user-info removed from the values.
     */
    public static Map<String, String> allowedProperties(Properties user, String allowList) {
        List<String> patterns = new ArrayList<>();
        for (String p : (allowList == null ? "" : allowList).split(",")) {
            if (!p.isBlank()) {
                patterns.add(p.strip());
            }
        }
        Map<String, String> result = new TreeMap<>();
        for (String name : user.stringPropertyNames()) {
            if (!SecretNames.looksSecret(name) && matches(patterns, name)) {
                result.put(name, USER_INFO.matcher(user.getProperty(name)).replaceAll("$1"));
            }
        }
        return result;
    }

    private static boolean matches(List<String> patterns, String name) {
        for (String p : patterns) {
            if (p.equals("*")
                    || p.equals(name)
                    || (p.endsWith("*") && name.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code externalParameters}; {@code modulePath} is the module's directory relative to the root ("" for the root). */
    public static Map<String, Object> external(
            List<String> goals,
            Collection<String> profiles,
            Map<String, String> properties,
            GitState git,
            CiEnvironment ci,
            Map<String, String> project) {
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("goals", List.copyOf(goals));
        external.put("profiles", List.copyOf(new TreeSet<>(profiles)));
        external.put("properties", properties);
        String repository = git == null ? null : SourceDescriptor.uriOf(git.remoteUrl());
        String ref = SourceDescriptor.ref(git, ci);
        if (repository != null || ref != null) {
            Map<String, String> source = new LinkedHashMap<>();
            source.put("repository", repository);
            source.put("ref", ref);
            external.put("source", source);
        }
        external.put("project", project);
        return external;
    }

    /** The {@code project} entry of the external parameters. */
    public static Map<String, String> project(
            String groupId, String artifactId, String version, Path root, Path moduleDir) {
        Map<String, String> project = new LinkedHashMap<>();
        project.put("groupId", groupId);
        project.put("artifactId", artifactId);
        project.put("version", version);
        String path = root == null
                ? ""
                : root.toAbsolutePath()
                        .normalize()
                        .relativize(moduleDir.toAbsolutePath().normalize())
                        .toString();
        project.put("path", path.replace('\\', '/'));
        return project;
    }

    /** {@code internalParameters}. */
    public static Map<String, Object> internal(String mavenVersion, boolean dirty, boolean offline) {
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put("maven", mavenVersion);
        internal.put(
                "java",
                Map.of(
                        "version", System.getProperty("java.version", ""),
                        "vendor", System.getProperty("java.vendor", "")));
        internal.put(
                "os",
                Map.of(
                        "name", System.getProperty("os.name", ""),
                        "arch", System.getProperty("os.arch", ""),
                        "version", System.getProperty("os.version", "")));
        internal.put("dirty", dirty);
        internal.put("offline", offline);
        return internal;
    }
}
