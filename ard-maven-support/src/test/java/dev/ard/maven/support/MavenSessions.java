package dev.ard.maven.support;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

/** Real Maven sessions for the tests: a request as the CLI fills it, and a top-level project from a real model. */
final class MavenSessions {

    private MavenSessions() {}

    static MavenExecutionRequest request(Properties system, Properties user) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setSystemProperties(system);
        request.setUserProperties(user);
        return request;
    }

    /** A session over {@code request} whose reactor is one project (the top level) in {@code basedir}, or none. */
    static MavenSession session(MavenExecutionRequest request, Path basedir, Properties pomProperties) {
        MavenSession session =
                new MavenSession(null, (RepositorySystemSession) null, request, new DefaultMavenExecutionResult());
        if (basedir != null) {
            Model model = new Model();
            model.setGroupId("dev.ard.test");
            model.setArtifactId("top");
            model.setVersion("1");
            model.setProperties(pomProperties);
            MavenProject top = new MavenProject(model);
            top.setFile(new File(basedir.toFile(), "pom.xml"));
            top.setExecutionRoot(true);
            session.setProjects(List.of(top));
        }
        return session;
    }

    static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
