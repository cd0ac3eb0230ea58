package dev.ard.maven.extension;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes parameters of a mojo execution before Maven configures the mojo: values are the configured
 * text or the descriptor's default expression, evaluated as Maven would ({@code ${test}}, {@code ${skipTests}}…).
 */
final class MojoParameters {

    private static final Logger LOG = LoggerFactory.getLogger(MojoParameters.class);

    private final MavenSession session;
    private final MavenProject project;
    private final MojoExecution execution;

    MojoParameters(MavenSession session, MavenProject project, MojoExecution execution) {
        this.session = session;
        this.project = project;
        this.execution = execution;
    }

    /** The evaluated value, or {@code null} when unset, blank or not evaluable. */
    Object value(String name) {
        Xpp3Dom configuration = execution.getConfiguration();
        Xpp3Dom parameter = configuration == null ? null : configuration.getChild(name);
        if (parameter == null) {
            return null;
        }
        String expression = parameter.getValue();
        if ((expression == null || expression.isBlank())) {
            expression = parameter.getAttribute("default-value");
        }
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, execution).evaluate(expression.trim());
            return value instanceof String s && s.isBlank() ? null : value;
        } catch (Exception e) {
            LOG.debug("ARD: cannot evaluate {} = '{}'", name, expression, e);
            return null;
        }
    }

    String string(String name) {
        Object value = value(name);
        return value == null ? null : value.toString().trim();
    }

    boolean isTrue(String name) {
        return Boolean.parseBoolean(string(name));
    }

    /** A path parameter, resolved against the project directory. */
    Path path(String name) {
        Object value = value(name);
        if (value == null) {
            return null;
        }
        Path path = value instanceof File file ? file.toPath() : Path.of(value.toString());
        return path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path);
    }

    /** A list parameter ({@code <excludes><exclude>…</exclude></excludes>}); its items evaluated. */
    List<String> list(String name) {
        Xpp3Dom configuration = execution.getConfiguration();
        Xpp3Dom parameter = configuration == null ? null : configuration.getChild(name);
        List<String> values = new ArrayList<>();
        if (parameter == null) {
            return values;
        }
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
        for (Xpp3Dom item : parameter.getChildren()) {
            String text = item.getValue();
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                Object value = evaluator.evaluate(text.trim());
                if (value != null && !value.toString().isBlank()) {
                    // Surefire also splits an item on commas (e.g. <exclude>${my.excludes}</exclude>).
                    for (String part : value.toString().split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                }
            } catch (Exception e) {
                values.add(text.trim());
            }
        }
        return values;
    }

    /**
     * Sets parameter {@code name} to {@code value}, replacing what was there. The element is built completely before it
     * is attached: on Maven 4 a child is a view of an immutable node.
     */
    void set(String name, String value) {
        Xpp3Dom configuration =
                execution.getConfiguration() != null ? execution.getConfiguration() : new Xpp3Dom("configuration");
        setChild(configuration, name, value);
        execution.setConfiguration(configuration);
    }

    /** Sets {@code configuration}'s child {@code name} to {@code value}, replacing any there (see {@link #set}). */
    static void setChild(Xpp3Dom configuration, String name, String value) {
        for (int i = configuration.getChildCount() - 1; i >= 0; i--) {
            if (name.equals(configuration.getChild(i).getName())) {
                configuration.removeChild(i);
            }
        }
        Xpp3Dom element = new Xpp3Dom(name);
        element.setValue(value);
        configuration.addChild(element);
    }
}
