package dev.ard.maven.plugin.provenance;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeSet;
import org.codehaus.plexus.classworlds.realm.ClassRealm;

/**
 * The class paths Maven actually built for plugins in this session. Maven gives every plugin it loads
 * a class realm named {@code plugin>groupId:artifactId:version} (a {@code -<number>} suffix when one
 * plugin needs several, e.g. with project-specific plugin dependencies) whose own URLs are the plugin
 * jar and every dependency it runs with. Reading them costs no I/O and no resolution, and lists only
 * plugins that were loaded in this build, with exactly the jars they used. Jars Maven's core provides
 * to every plugin (maven-plugin-api, …) are not in a plugin realm and so not listed.
 */
public final class PluginRealms {
    private PluginRealms() {}

    /**
     * The files of every realm of plugin {@code groupId:artifactId:version} (union, sorted), or
     * {@code null} when Maven loaded no such plugin in this session. Realm ids are
     * {@code plugin>g:a:v}, or {@code plugin>g:a:v-<random int>} when the id was taken.
     */
    public static TreeSet<Path> files(
            Collection<ClassRealm> realms, String groupId, String artifactId, String version) {
        String id = "plugin>" + groupId + ":" + artifactId + ":" + version;
        TreeSet<Path> files = null;
        for (ClassRealm realm : realms) {
            String r = realm.getId();
            if (r.equals(id)
                    || (r.startsWith(id + "-") && r.substring(id.length() + 1).matches("-?\\d+"))) {
                if (files == null) {
                    files = new TreeSet<>();
                }
                for (URL url : realm.getURLs()) {
                    Path file = toPath(url);
                    if (file != null) {
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    private static Path toPath(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return new File(url.toURI()).toPath().toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
