package org.aupat.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aupat.AupatApplication;
import org.aupat.cli.Launcher;

/**
 * Runs a script in this JVM exactly as the jar's main method does (the same {@link Launcher}, the same
 * Spring application and runner), with every path in a home folder of its own, and returns what a
 * process would have given: the exit code, standard output and standard error.
 *
 * <p>For option, refusal and exit-code cases, which need no real process: each run costs a Spring
 * start (a fraction of a second) instead of a JVM start. Crashes, locks, signals, the launcher and the
 * packaged jar itself stay with {@link JarRunner}.
 *
 * <p>The home's paths are passed as system properties for the run, so that they rank where a process's
 * working folder defaults would: below the command line and a {@code --config} user.json, above the
 * built-in defaults (the user's home). The JVM's working
 * folder cannot follow the home, so relative paths in the arguments must be given absolute
 * ({@link #path}).
 */
public final class InProcessRunner implements AupatRun {
    /** Standard output and error are the JVM's own: one run at a time. */
    private static final Object ONE_RUN_AT_A_TIME = new Object();
    private final Path home;

    public InProcessRunner(Path home) {
        this.home = home.toAbsolutePath();
    }

    public Path home() {
        return home;
    }

    /** An argument's path in the home, as the working folder of a process started there would resolve it. */
    public String path(String relative) {
        return home.resolve(relative).toString();
    }

    /** Every path setting pointing into the home, laid out as the jar lays it out in its working folder. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // The home and the settings folder too: nothing falls back to the real user's (~/.local/share/aupat).
        settings.put("aupat.home", path("data"));
        settings.put("aupat.config-home", path(".config/aupat"));
        settings.put("aupat.database", path("data/aupat.db"));
        settings.put("aupat.staging", path("data/staging"));
        settings.put("aupat.archive", path("data/archive"));
        settings.put("aupat.backups", path("data/backups"));
        settings.put("aupat.logs", path("logs"));
        // No rules folder in the home: the rule files inside the application are used, as from the jar.
        settings.put("aupat.rules", path("config/rules"));
        return settings;
    }

    @Override
    public JarRunner.Result run(String... args) {
        synchronized (ONE_RUN_AT_A_TIME) {
            Map<String, String> previous = new LinkedHashMap<>();
            settings().forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int exit;
            try {
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                exit = new Launcher(AupatApplication.class).launch(args);
            } finally {
                System.out.flush();
                System.err.flush();
                System.setOut(out);
                System.setErr(err);
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
            return new JarRunner.Result(exit, stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        }
    }
}
