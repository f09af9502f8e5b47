package org.aupat.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the jar as a real child process in a home folder of its own, as a user would: through bin/aupat,
 * the launcher the README gives users (which starts target/aupat.jar's classes from its class data
 * sharing archive, about half the start-up: the crash, lock and signal suites start the jar hundreds of
 * times), or target/aupat.jar itself with {@code java -jar} for the tests of what the packaged file does
 * ({@link #packaged}).
 */
public final class JarRunner implements AupatRun {
    private final Path home;
    private final List<String> jvmOptions;
    private final boolean packaged;
    /** Set for every child on top of the home's (e.g. a PostgreSQL database's credentials). */
    private final Map<String, String> environment;

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
        this(home, jvmOptions, false, Map.of());
    }

    private JarRunner(Path home, List<String> jvmOptions, boolean packaged, Map<String, String> environment) {
        this.home = home;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.packaged = packaged;
        this.environment = Map.copyOf(environment);
    }

    /** This runner, with these environment settings for each child it starts (AUPAT_DATABASE_PASSWORD, ...). */
    public JarRunner withEnvironment(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(settings);
        return new JarRunner(home, jvmOptions, packaged, all);
    }

    /** A runner of target/aupat.jar itself, as the build packaged it (its start, its nested jars, its manifest). */
    public static JarRunner packaged(Path home) {
        return packaged(home, FAST_START);
    }

    public static JarRunner packaged(Path home, List<String> jvmOptions) {
        return new JarRunner(home, jvmOptions, true, Map.of());
    }

    /**
     * The command of one run: {@code java [agent] [options] -jar target/aupat.jar ARGS} for a packaged runner,
     * else {@code bin/aupat ARGS} with the agent and options in JAVA_OPTS ({@link #launcherEnvironment}).
     */
    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (packaged) {
            command.add("java");
            command.addAll(coverageAgent());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toString()));
        } else {
            command.add(launcher().toString());
        }
        command.addAll(List.of(args));
        return command;
    }

    /**
     * What bin/aupat needs to run the jar under test: AUPAT_JAR, its archive folder in the build folder (one
     * for every test; the launcher records it once, under its lock), and JAVA_OPTS. Empty for a packaged run.
     */
    private Map<String, String> launcherEnvironment() {
        if (packaged) {
            return Map.of();
        }
        List<String> options = new ArrayList<>(coverageAgent());
        options.addAll(jvmOptions);
        return Map.of("AUPAT_JAR", jar().toString(), "AUPAT_CDS", jar().resolveSibling("aupat-cds").toString(),
                "JAVA_OPTS", String.join(" ", options));
    }

    static Path launcher() {
        return Path.of("bin/aupat").toAbsolutePath();
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

    /**
     * The coverage agent the build gives the jar-level tests (failsafe sets {@code aupat.it.agent} from
     * jacoco's prepare-agent-integration), so that what the jar runs counts towards the coverage gate; none
     * when coverage is skipped.
     */
    static List<String> coverageAgent() {
        String agent = System.getProperty("aupat.it.agent", "").trim();
        return agent.isEmpty() || agent.startsWith("${") ? List.of() : List.of(agent);
    }

    /** Starts the jar without waiting (for kill and lock tests). */
    public Process start(String... args) throws IOException {
        return startThrough(List.of(), args);
    }

    /**
     * Starts the jar without waiting, through a wrapper command ({@code setsid}: the jar leads a process group
     * of its own that a test can signal as a terminal does).
     */
    public Process startThrough(List<String> wrapper, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(command(args));
        return start(command, launcherEnvironment());
    }

    private Process start(List<String> command, Map<String, String> settings) throws IOException {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(settings);
        return start(command, home, homeEnvironment(home), all);
    }

    /**
     * The environment that keeps a child run in the test's home and out of the real user's: HOME and the XDG
     * folders inside the home (so the default home and the per-user settings file are the test's), and
     * AUPAT_HOME and AUPAT_LOGS laid out as the tests expect (data/ and logs/ in the home).
     */
    static Map<String, String> homeEnvironment(Path home) {
        Map<String, String> environment = new HashMap<>(userEnvironment(home));
        environment.put("AUPAT_HOME", home.resolve("data").toString());
        environment.put("AUPAT_LOGS", home.resolve("logs").toString());
        return environment;
    }

    /** A user whose home directory is {@code userHome}, with no AUPAT settings of their own. */
    static Map<String, String> userEnvironment(Path userHome) {
        return Map.of("HOME", userHome.toString(), "XDG_DATA_HOME", userHome.resolve(".local/share").toString(),
                "XDG_CONFIG_HOME", userHome.resolve(".config").toString());
    }

    /**
     * Runs the jar as a user would: in {@code workingFolder}, with only {@link #userEnvironment} (HOME and
     * XDG inside this runner's home) and no AUPAT_* setting, so that every path is the default one.
     */
    public Result runAsUser(Path workingFolder, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        return finish(start(command, workingFolder, userEnvironment(home), launcherEnvironment()), command, 5);
    }

    private Process start(List<String> command, Path workingFolder, Map<String, String> base,
            Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        // Settings the test JVM itself may carry (a developer's shell) never reach the child.
        builder.environment().keySet().removeIf(name -> name.startsWith("AUPAT_") || name.startsWith("XDG_"));
        builder.environment().putAll(base);
        builder.environment().putAll(environment);
        builder.redirectOutput(home.resolve("last-stdout.txt").toFile());
        builder.redirectError(home.resolve("last-stderr.txt").toFile());
        return builder.start();
    }

    /** Waits (5 minutes at most) for a run {@link #start started} here and gives its result. */
    public Result finish(Process process) throws IOException, InterruptedException {
        return finish(process, List.of("a started run, pid " + process.pid()), 5);
    }

    @Override
    public Result run(String... args) throws IOException, InterruptedException {
        return finish(start(args), List.of(args), 5);
    }

    /**
     * Runs the jar through bin/aupat, the launcher, with these environment settings on top of the
     * test's own (AUPAT_JAR names the jar under test; JAVA_OPTS is cleared unless given).
     */
    public Result runLauncher(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        Map<String, String> settings = new HashMap<>(Map.of("AUPAT_JAR", jar().toString(), "JAVA_OPTS", ""));
        settings.putAll(environment);
        return finish(start(command, settings), command, 3);
    }

    private Result finish(Process process, List<String> args, int minutes) throws IOException, InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("aupat did not finish in " + minutes + " minutes: " + args);
        }
        return new Result(process.exitValue(),
                Files.readString(home.resolve("last-stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("last-stderr.txt"), StandardCharsets.UTF_8));
    }
}
