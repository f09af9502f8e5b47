package org.aupat.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs target/aupat.jar as a real child process in a home folder of its own, as a user would. */
public final class JarRunner {
    private final Path home;
    private final List<String> jvmOptions;

    /**
     * Options that start a short-lived JVM faster (C1 only, serial GC): the jar-level suites start the jar
     * hundreds of times. They change no behaviour that a test checks.
     */
    static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public JarRunner(Path home) {
        this(home, FAST_START);
    }

    /** A runner that passes JVM options (e.g. faster start-up flags for tests that start the jar many times). */
    public JarRunner(Path home, List<String> jvmOptions) {
        this.home = home;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public Path home() {
        return home;
    }

    /** The result of one run: exit code and both output streams. */
    public record Result(int exit, String out, String err) {
    }

    public static Path jar() {
        String jar = System.getProperty("aupat.jar", "target/aupat.jar");
        return Path.of(jar).toAbsolutePath();
    }

    /** Starts the jar without waiting (for kill and lock tests). */
    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.redirectOutput(home.resolve("last-stdout.txt").toFile());
        builder.redirectError(home.resolve("last-stderr.txt").toFile());
        return builder.start();
    }

    public Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("aupat did not finish in 5 minutes: " + List.of(args));
        }
        return new Result(process.exitValue(),
                Files.readString(home.resolve("last-stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("last-stderr.txt"), StandardCharsets.UTF_8));
    }
}
