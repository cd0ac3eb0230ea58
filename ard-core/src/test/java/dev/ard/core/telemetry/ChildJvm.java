package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A second JVM running a main class of the test sources: a separate process, as a second Maven build is. */
final class ChildJvm {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code prefix… java -cp <test classpath> mainClass args}, stdout and stderr to {@code output}. */
    static ChildJvm start(List<String> prefix, Class<?> mainClass, Map<String, String> env, Path output, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1"); // short-lived: start fast
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), output);
    }

    /** Waits for the exit and returns the output; fails the test on a non-zero exit or a hang. */
    String awaitSuccess() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("child JVM did not finish within 120 s; output:%n%s", output());
        }
        if (process.exitValue() != 0) {
            fail("child JVM exited with %d; output:%n%s", process.exitValue(), output());
        }
        return output();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
