package org.aupat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.logging.LogMarkers;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * The one common runner every script goes through: run context for the logs, option parsing and
 * help, the single-run lock for scripts that write, and the mapping of outcomes to exit codes.
 * No stack trace reaches the console; it goes to error.log.
 */
@Component
public class ScriptRunner {
    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);
    private final Console console;
    private final RunLock runLock;
    private final Path errorLog;
    private final FailureLog failureLog;
    private final FileTransactions fileTransactions;

    public ScriptRunner(Console console, RunLock runLock, AupatProperties properties, FailureLog failureLog,
            FileTransactions fileTransactions) {
        this.console = console;
        this.runLock = runLock;
        this.errorLog = properties.logs().resolve("error.log");
        this.failureLog = failureLog;
        this.fileTransactions = fileTransactions;
    }

    /** Parses the options into the script, runs it, and returns the exit code. */
    public int run(AupatScript script, String... args) {
        CommandLine commandLine = new CommandLine(script);
        String name = commandLine.getCommandName();
        ScriptCatalog entry = ScriptCatalog.byName(name)
                .orElseThrow(() -> new IllegalStateException("script class not in catalog: " + name));
        RunContext.start(name);
        try {
            commandLine.parseArgs(scriptArguments(args));
            if (commandLine.isUsageHelpRequested()) {
                console.out(commandLine.getUsageMessage() + exitStatusHelp());
                return ExitCode.OK;
            }
            console.configure(script.quiet(), script.verbose());
            failureLog.reset();
            if (!entry.writes() || script.changesNothing()) {
                return execute(script, name);
            }
            try (RunLock.Held held = runLock.acquire(name)) {
                // Before anything else: undo the file operations a killed run left half done.
                fileTransactions.recoverUnfinished();
                return execute(script, name);
            }
        } catch (CommandLine.ParameterException e) {
            console.error(name + ": " + unknownOption(commandLine, args).orElse(e.getMessage()));
            console.error("Run 'java -jar aupat.jar --script=" + name + " --help' for its options.");
            log.warn(LogMarkers.FILE_ONLY, "usage error: {}", e.getMessage());
            return ExitCode.USAGE;
        } catch (AupatError e) {
            return reportFailure(name, e);
        } finally {
            RunContext.clear();
        }
    }

    private int execute(AupatScript script, String name) {
        long started = System.nanoTime();
        log.info(LogMarkers.FILE_ONLY, "{} started", name);
        int code;
        try {
            code = script.execute();
        } catch (AupatError e) {
            return reportFailure(name, e);
        } catch (Exception e) {
            log.error(LogMarkers.FILE_ONLY, "{} stopped on an unexpected error", name, e);
            console.error(name + " stopped on an unexpected error: " + e);
            console.error("Nothing more was changed. Details are in the error log (" + errorLog + ").");
            return ExitCode.FAILED;
        }
        if (code == ExitCode.OK && failureLog.skippedCount() > 0) {
            console.warn(name + " finished but skipped " + failureLog.skippedCount() + " item(s); see " + errorLog.resolveSibling("failure.log")
                    + " or run --script=failures --for=" + name + ".");
            code = ExitCode.ITEM_FAILURES;
        }
        log.info(LogMarkers.FILE_ONLY, "{} finished with exit code {} in {} ms", name, code,
                (System.nanoTime() - started) / 1_000_000);
        return code;
    }

    private int reportFailure(String name, AupatError e) {
        log.error(LogMarkers.FILE_ONLY, "{} failed: {}", name, e.getMessage(), e);
        console.error(name + ": " + e.getMessage());
        return e.exitCode();
    }

    /** A mistyped option explains more than the required option it leaves missing, so it is named first. */
    private static java.util.Optional<String> unknownOption(CommandLine commandLine, String... args) {
        for (String a : scriptArguments(args)) {
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.startsWith("-") && option.length() > 1 && !commandLine.getCommandSpec().optionsMap().containsKey(option)) {
                return java.util.Optional.of("Unknown option: '" + option + "'");
            }
        }
        return java.util.Optional.empty();
    }

    /** Drops the arguments Spring Boot owns (settings, user.json, profile, script name) before picocli sees them. */
    static String[] scriptArguments(String... args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--script")) {
                i++;
            } else if (!isSpringArgument(a)) {
                kept.add(a);
            }
        }
        return kept.toArray(String[]::new);
    }

    static boolean isSpringArgument(String a) {
        return a.startsWith("--script=") || a.startsWith("--config=") || a.startsWith("--spring.") || a.startsWith("--aupat.")
                || a.startsWith("--logging.") || a.equals("--debug") || a.equals("--trace");
    }

    private static String exitStatusHelp() {
        return """

                Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 pre-flight check failed,
                4 finished but skipped items (see logs/failure.log), 75 another run holds the lock,
                130/143 stopped by Ctrl-C/SIGTERM at a safe point (the same command resumes).
                """;
    }
}
