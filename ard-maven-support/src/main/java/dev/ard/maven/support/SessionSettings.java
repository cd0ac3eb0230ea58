package dev.ard.maven.support;

import dev.ard.core.settings.SettingValues;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** A build's {@code ard.*} settings, gathered from Maven the same way for the extension and every goal. */
public final class SessionSettings {

    private SessionSettings() {}

    /**
     * The session's {@code ard.*} properties; the first found wins: the user's {@code -D…}, the system properties, the
     * top-level project's {@code <properties>} (so a team can set them once in its root pom).
     */
    public static SettingValues of(MavenSession session) {
        MavenProject top = session.getTopLevelProject();
        return SettingValues.merge(
                top == null ? null : top.getProperties(), session.getSystemProperties(), session.getUserProperties());
    }
}
