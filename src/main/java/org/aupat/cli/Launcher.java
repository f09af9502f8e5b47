package org.aupat.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.LogFolderError;
import org.aupat.foundation.error.UserConfigError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Picks the script before Spring starts: a missing or unknown {@code --script} prints the catalog
 * without paying for a Spring context; a known one starts Spring with only that script's runner.
 */
public final class Launcher {
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    static final String USAGE = """
            Usage: java -jar aupat.jar --script=NAME [options]
                   java -jar aupat.jar --script=NAME --help     options of one script
            Settings: --aupat.home=DIR (default $AUPAT_HOME, else ~/.local/share/aupat; settings file
                      ~/.config/aupat/application.yml) --aupat.database=PATH --aupat.staging=DIR
                      --aupat.archive=DIR --aupat.backups=DIR --aupat.logs=DIR --spring.profiles.active=dev|prod
                      --config=user.json    paths from the original tool's user.json (--aupat.* still win)
            Exit codes: 0 ok, 1 failed, 2 usage or configuration, 3 pre-flight failed,
                        4 finished with skipped items (see logs/failure.log), 75 another run holds the lock,
                        130/143 stopped by Ctrl-C/SIGTERM at a safe point (the same command resumes).
            """;

    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;

    public Launcher(Class<?> application) {
        this(application, System.out, System.err);
    }

    Launcher(Class<?> application, PrintStream out, PrintStream err) {
        this.application = application;
        this.out = out;
        this.err = err;
    }

    /** Runs the chosen script and returns the process exit code. */
    public int launch(String[] args) {
        Optional<String> name = scriptName(args);
        if (name.isEmpty()) {
            boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
            (help ? out : err).print((help ? "" : "No --script given.\n") + USAGE + ScriptCatalog.listing());
            return help ? ExitCode.OK : ExitCode.USAGE;
        }
        if (ScriptCatalog.byName(name.get()).isEmpty()) {
            String hint = DidYouMean.hint(name.get(), ScriptCatalog.names());
            String problem = "Unknown script '" + name.get() + "'." + hint;
            err.print(problem + (hint.isEmpty() ? " Choose one of the scripts below.\n" : "\n") + USAGE + ScriptCatalog.listing());
            jsonRefusal(args, name.get(), problem);
            return ExitCode.USAGE;
        }
        for (String arg : args) {
            // Spring binds an empty setting as unset and would quietly use the default path instead.
            if (arg.startsWith("--aupat.") && arg.endsWith("=")) {
                String problem = arg.substring(2, arg.length() - 1) + " is empty: give a value, for example " + arg
                        + "/srv/aupat/..., or leave the setting out to use the default.";
                err.println(problem);
                jsonRefusal(args, name.get(), problem);
                return ExitCode.USAGE;
            }
        }
        Optional<String> mistyped = mistypedSetting(args);
        if (mistyped.isPresent()) {
            err.println(mistyped.get());
            jsonRefusal(args, name.get(), mistyped.get());
            return ExitCode.USAGE;
        }
        Optional<String> repeated = repeatedSetting(args);
        if (repeated.isPresent()) {
            err.println(repeated.get());
            jsonRefusal(args, name.get(), repeated.get());
            return ExitCode.USAGE;
        }
        return runSpring(name.get(), args);
    }

    /** With --json, a refusal before any script runs is still the one JSON document on standard output. */
    private void jsonRefusal(String[] args, String script, String problem) {
        jsonRefusal(args, script, ExitCode.USAGE, problem);
    }

    private void jsonRefusal(String[] args, String script, int exit, String problem) {
        if (Arrays.asList(args).contains("--json")) {
            out.println(org.aupat.foundation.console.Console.document(script, exit, problem, null));
            out.flush();
        }
    }

    /** Settings read outside AupatProperties (whose own fields are all known by their names). */
    private static final List<String> OTHER_SETTINGS = List.of("retry.max-attempts", "retry.initial-delay",
            "retry.multiplier", "retry.max-delay", "progress.every-items", "progress.every-seconds", "log-max-size",
            "log-size-check", "min-copies");

    /**
     * A mistyped setting ({@code --aupat.databse=...}) is refused with the one it is close to: Spring would
     * ignore it and quietly use the default database or folder. A setting close to none is let through, so
     * that a setting of another part of the program is never refused here.
     */
    static Optional<String> mistypedSetting(String[] args) {
        List<String> known = new java.util.ArrayList<>(OTHER_SETTINGS);
        for (var component : org.aupat.foundation.config.AupatProperties.class.getRecordComponents()) {
            known.add(component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Set<String> bound = new java.util.HashSet<>();
        known.forEach(k -> bound.add(boundName(k)));
        for (String arg : normalised(args)) {
            if (!arg.startsWith("--aupat.")) {
                continue;
            }
            String key = arg.substring("--aupat.".length(), arg.contains("=") ? arg.indexOf('=') : arg.length());
            if (bound.contains(boundName(key))) {
                continue;
            }
            // Compared without the common "aupat." so that only a slip within the name counts as close.
            // At most two slips: settings under a name of the user's own (aupat.replicas.NAME...) are long.
            List<String> close = DidYouMean.closest(key, known).stream()
                    .filter(k -> DidYouMean.distance(boundName(key), boundName(k)) <= 2).toList();
            if (!close.isEmpty()) {
                return Optional.of("Unknown setting 'aupat." + key + "'. Did you mean aupat."
                        + String.join(" or aupat.", close) + "?");
            }
        }
        return Optional.empty();
    }

    /** A setting's name as Spring binds it: case, dashes and underscores do not matter. */
    private static String boundName(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * A setting given twice ({@code --aupat.archive=A --aupat.archive=B}) is refused: Spring would join the
     * two values with a comma and use a path nobody asked for. Names are compared as Spring binds them
     * (case, dashes and underscores do not matter).
     */
    static Optional<String> repeatedSetting(String[] args) {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (String arg : normalised(args)) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !ScriptRunner.isSpringArgument(arg)) {
                continue;
            }
            String key = arg.substring(2, equals);
            String first = seen.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", ""), arg);
            if (first != null) {
                return Optional.of(key + " is given twice (" + first + " and " + arg + "): give it once.");
            }
        }
        return Optional.empty();
    }

    private int runSpring(String script, String[] args) {
        // Boot warms up Jackson, HTTP converters and validation in a background thread; a script that
        // needs none of them pays for it on a 2-core machine (about 550 classes for gen_uuid).
        if (System.getProperty("spring.backgroundpreinitializer.ignore") == null) {
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        SpringApplication app = new SpringApplication(application);
        // Spring's shutdown hook would close the database under a running script; a signal stops the run
        // at a safe point instead (Interruption, installed by the
        // process's main method), and the context is closed below when the run returns.
        app.setRegisterShutdownHook(false);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        ConfigurableApplicationContext context;
        try {
            context = app.run(normalised(args));
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build preparing the context ahead of time (Spring AOT) stops the run here
        } catch (RuntimeException e) {
            return startupFailure(script, args, e);
        }
        return SpringApplication.exit(context);
    }

    /**
     * Spring could not start (bad settings, unreadable rule file...): one clear line. A setting AUPAT refuses
     * is one line in main.log; anything else keeps its details in error.log.
     */
    private int startupFailure(String script, String[] args, RuntimeException e) {
        AupatError cause = rootAupatError(e);
        if (cause instanceof LogFolderError || cause instanceof UserConfigError) {
            err.println(cause.getMessage()); // logging never started: there is no error log to point to
            jsonRefusal(args, script, cause.exitCode(), cause.getMessage());
            return cause.exitCode();
        }
        if (cause != null) {
            if (ScriptRunner.isRefusal(cause.exitCode())) {
                log.warn(org.aupat.foundation.logging.LogMarkers.FILE_ONLY, "{} refused at start-up (exit {}): {}", script,
                        cause.exitCode(), ScriptRunner.oneLine(cause.getMessage()));
            } else {
                log.error(org.aupat.foundation.logging.LogMarkers.FILE_ONLY, "AUPAT could not start", e);
            }
            err.println(cause.getMessage());
            jsonRefusal(args, script, cause.exitCode(), cause.getMessage());
            return cause.exitCode();
        }
        log.error(org.aupat.foundation.logging.LogMarkers.FILE_ONLY, "AUPAT could not start", e);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        err.println("AUPAT could not start: " + root.getMessage());
        err.println("Check the settings given with --aupat.* and the profile files; details are in the error log.");
        jsonRefusal(args, script, ExitCode.USAGE, "AUPAT could not start: " + root.getMessage());
        return ExitCode.USAGE;
    }

    static AupatError rootAupatError(Throwable e) {
        AupatError found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AupatError a) {
                found = a;
            }
        }
        return found;
    }

    /** Spring reads only {@code --key=value}; turn {@code --script NAME} and {@code --config FILE} into that form. */
    static String[] normalised(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--script") || args[i].equals("--config")) && i + 1 < args.length) {
                out.add(args[i] + "=" + args[++i]);
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The value of {@code --script=NAME} or {@code --script NAME}, if any. */
    static Optional<String> scriptName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--script=")) {
                return Optional.of(args[i].substring("--script=".length()).trim());
            }
            if (args[i].equals("--script") && i + 1 < args.length) {
                return Optional.of(args[i + 1].trim());
            }
        }
        return Optional.empty();
    }
}
