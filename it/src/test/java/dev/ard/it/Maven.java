package dev.ard.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Maven invocation of a sample, as a user would type it: {@code <maven home>/bin/mvn} in a
 * separate process, with the IT settings and the isolated local repository. Its output goes to a log
 * file next to the sample so a failing IT can be read afterwards.
 */
final class Maven {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path dir;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private boolean separateStderr;
    private boolean online;

    private Maven(Path dir) {
        this.dir = dir;
    }

    /** Maven run in {@code dir} (where it finds the sample's pom.xml and .mvn/). */
    static Maven in(Path dir) {
        return new Maven(dir);
    }

    Maven args(String... more) {
        args.addAll(Arrays.asList(more));
        return this;
    }

    Maven env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Never passes {@code -o}, even when the outer build is offline: maven-deploy-plugin refuses to deploy
     * in offline mode, even to a file:// repository. Artifacts still come from the outer build's
     * repository first (a file:// remote in the IT settings).
     */
    Maven online() {
        online = true;
        return this;
    }

    /** Keeps standard error out of the log, so the log is exactly what Maven printed on standard output. */
    Maven separateStderr() {
        separateStderr = true;
        return this;
    }

    /** Runs Maven to the end; {@code name} names the log file ({@code it-work/<sample dir>-<name>.log}). */
    MavenLog run(String name) throws IOException, InterruptedException {
        return start(name).await();
    }

    /** Starts Maven without waiting, for builds that must overlap. */
    Running start(String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(
                "-B",
                "-ntp",
                "-s",
                ItEnvironment.settings().toString(),
                "-Dmaven.repo.local=" + ItEnvironment.itRepo()));
        if (ItEnvironment.offline() && !online) {
            // Offline still may copy from the outer build's repository: it is a file:// remote.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.addAll(args);

        // Logs stay in it-work even for samples copied elsewhere (the not-a-git-repository IT).
        Path log = ItEnvironment.work().resolve(dir.getFileName() + "-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(log.toFile());
        if (separateStderr) {
            builder.redirectError(ItEnvironment.work()
                    .resolve(dir.getFileName() + "-" + name + ".err")
                    .toFile());
        } else {
            builder.redirectErrorStream(true);
        }
        Map<String, String> environment = builder.environment();
        // The outer build's Maven/wrapper/ARD variables would leak into the sample build (e.g. the
        // outer MAVEN_PROJECTBASEDIR, or an ARD_STORE pointing elsewhere).
        environment
                .keySet()
                .removeIf(k -> (k.startsWith("MAVEN_") && !k.equals("MAVEN_OPTS"))
                        || k.startsWith("MVNW_")
                        || k.startsWith("ARD_"));
        // Nor may the CI the outer build runs on: its pull-request base or branch would steer the samples' selection.
        environment
                .keySet()
                .removeIf(k -> k.startsWith("GITHUB_")
                        || k.startsWith("GITLAB_")
                        || k.startsWith("CI_")
                        || k.equals("CI")
                        || k.equals("JENKINS_URL")
                        || k.equals("CHANGE_TARGET")
                        || k.equals("BRANCH_NAME")
                        || k.equals("GIT_BRANCH"));
        // ~/.mavenrc and /etc/mavenrc could change the sample builds' JVM or Maven options.
        environment.put("MAVEN_SKIP_RC", "true");
        environment.putAll(env);
        return new Running(builder.start(), log, command);
    }

    private static Path executable() throws IOException {
        Path bin = ItEnvironment.mavenHome().resolve("bin");
        Path mvn = bin.resolve("mvn");
        if (!Files.isRegularFile(mvn)) {
            throw new IllegalStateException("no Maven at " + ItEnvironment.mavenHome());
        }
        if (!Files.isExecutable(mvn)) {
            // An unpacked zip (-Pit-maven) loses the executable bits.
            try (Stream<Path> files = Files.list(bin)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                    perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE));
                    Files.setPosixFilePermissions(file, perms);
                }
            }
        }
        return mvn;
    }

    /** A Maven process that is still running. */
    static final class Running {
        private final Process process;
        private final Path log;
        private final List<String> command;

        private Running(Process process, Path log, List<String> command) {
            this.process = process;
            this.log = log;
            this.command = command;
        }

        MavenLog await() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        "Maven did not finish within " + TIMEOUT + ": " + command + ", see " + log);
            }
            return new MavenLog(process.exitValue(), Files.readAllLines(log), log);
        }
    }
}
