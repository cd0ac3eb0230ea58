package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small multi-module source tree in a temporary directory, compiled with the JDK's own javac the
 * way Maven would lay it out: {@code <module>/src/{main,test}/java} → {@code <module>/target/{classes,test-classes}}.
 * Public for the selection tests, which decide over the same kind of reactor.
 */
public final class Reactor {

    public final Path root;
    private final Map<String, List<String>> deps = new LinkedHashMap<>();

    public Reactor(Path root) {
        this.root = root;
    }

    /** Declares a module (in reactor order) with the ids of the modules it depends on. */
    public Reactor module(String id, String... dependsOn) {
        deps.put(id, List.of(dependsOn));
        write(id + "/pom.xml", "<project/>");
        return this;
    }

    public Reactor main(String module, String relPath, String source) {
        write(module + "/src/main/java/" + relPath, source);
        return this;
    }

    public Reactor test(String module, String relPath, String source) {
        write(module + "/src/test/java/" + relPath, source);
        return this;
    }

    public Reactor write(String repoRelative, String content) {
        try {
            Path p = root.resolve(repoRelative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Compiles every module, main then test, each against its upstream modules' main and test classes. */
    public Reactor compile() {
        for (String id : deps.keySet()) {
            List<Path> cp = new ArrayList<>();
            for (String up : upstream(id)) {
                cp.add(classes(up));
                cp.add(testClasses(up)); // like a test-jar dependency
            }
            javac(root.resolve(id + "/src/main/java"), classes(id), cp);
            copyResources(root.resolve(id + "/src/main/resources"), classes(id));
            List<Path> testCp = new ArrayList<>(cp);
            testCp.add(0, classes(id));
            javac(root.resolve(id + "/src/test/java"), testClasses(id), testCp);
        }
        return this;
    }

    public Path classes(String id) {
        return root.resolve(id + "/target/classes");
    }

    public Path testClasses(String id) {
        return root.resolve(id + "/target/test-classes");
    }

    public List<ModuleInfo> modules() {
        List<ModuleInfo> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : deps.entrySet()) {
            String id = e.getKey();
            Path base = id.equals(".") ? root : root.resolve(id);
            out.add(new ModuleInfo(
                    id,
                    base,
                    List.of(base.resolve("src/main/java")),
                    List.of(base.resolve("src/test/java")),
                    List.of(base.resolve("src/main/resources")),
                    List.of(base.resolve("src/test/resources")),
                    base.resolve("target/classes"),
                    base.resolve("target/test-classes"),
                    e.getValue()));
        }
        return out;
    }

    private List<String> upstream(String id) {
        List<String> out = new ArrayList<>();
        for (String d : deps.getOrDefault(id, List.of())) {
            for (String transitive : upstream(d)) {
                if (!out.contains(transitive)) {
                    out.add(transitive);
                }
            }
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static void javac(Path sourceRoot, Path out, List<Path> classpath) {
        if (!Files.isDirectory(sourceRoot)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-proc:none"));
            if (!classpath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(
                        java.io.File.pathSeparator,
                        classpath.stream().map(Path::toString).toList()));
            }
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = javac.run(null, err, err, args.toArray(String[]::new));
            assertThat(rc).as("javac %s %s", sourceRoot, err).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyResources(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
