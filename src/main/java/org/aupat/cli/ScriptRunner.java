package org.aupat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.db.DatabaseBackup;
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
 * The one common runner every script goes through: run context for the logs, option parsing and help,
 * the script's {@link Preamble} as its catalog entry declares it (lock, journal recovery, the script's
 * check, backup), and the mapping of outcomes to exit codes. No stack trace reaches the console; it goes
 * to error.log.
 */
@Component
public class ScriptRunner {
    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);
    /** Taken by every script that backs up first, so no script declares it itself. */
    static final String SKIP_BACKUP = "--skip-backup";
    private final Console console;
    private final RunLock runLock;
    private final Path errorLog;
    private final FailureLog failureLog;
    private final FileTransactions fileTransactions;
    private final DatabaseBackup databaseBackup;

    public ScriptRunner(Console console, RunLock runLock, AupatProperties properties, FailureLog failureLog,
            FileTransactions fileTransactions, DatabaseBackup databaseBackup) {
        this.console = console;
        this.runLock = runLock;
        this.errorLog = properties.logs().resolve("error.log");
        this.failureLog = failureLog;
        this.fileTransactions = fileTransactions;
        this.databaseBackup = databaseBackup;
    }

    /** Parses the options into the script, runs it, and returns the exit code. */
    public int run(AupatScript script, String... args) {
        CommandLine commandLine = new CommandLine(script);
        String name = commandLine.getCommandName();
        Preamble preamble = ScriptCatalog.byName(name)
                .orElseThrow(() -> new IllegalStateException("script class not in catalog: " + name)).preamble();
        if (preamble.backsUp()) {
            commandLine.getCommandSpec().addOption(skipBackupOption());
        }
        RunContext.start(name);
        Outcome outcome;
        try {
            outcome = parseAndRun(script, name, preamble, commandLine, args);
        } finally {
            RunContext.clear();
        }
        // With --json, the run's one document: the script's result, or what stopped it.
        console.finish(name, outcome.code(), outcome.error());
        return outcome.code();
    }

    /** How a run ended: its exit code and, when it failed, the one-line reason shown to the user. */
    private record Outcome(int code, String error) {
        static Outcome of(int code) {
            return new Outcome(code, null);
        }
    }

    private Outcome parseAndRun(AupatScript script, String name, Preamble preamble, CommandLine commandLine,
            String... args) {
        try {
            commandLine.parseArgs(scriptArguments(args));
            if (commandLine.isUsageHelpRequested()) {
                console.out(commandLine.getUsageMessage() + exitStatusHelp());
                return Outcome.of(ExitCode.OK);
            }
            console.configure(script.quiet(), script.verbose(), script.json());
            failureLog.reset();
            if (!preamble.locks() || script.changesNothing()) {
                return execute(script, name, BackupFirst.NO);
            }
            try (RunLock.Held held = runLock.acquire(name)) {
                // Before anything else: undo the file operations a killed run left half done.
                fileTransactions.recoverUnfinished();
                return execute(script, name, backupFirst(preamble, commandLine));
            }
        } catch (CommandLine.ParameterException e) {
            // The options were not read, so --json is looked for by hand: the refusal is the document then.
            console.configure(false, false, Arrays.asList(scriptArguments(args)).contains("--json"));
            String problem = UsageProblems.describe(commandLine, e, scriptArguments(args));
            console.error(name + ": " + problem);
            console.error("Run 'java -jar aupat.jar --script=" + name + " --help' for its options.");
            log.warn(LogMarkers.FILE_ONLY, "{} refused, usage error: {}", name, oneLine(problem));
            return new Outcome(ExitCode.USAGE, problem);
        } catch (AupatError e) {
            return reportFailure(name, e);
        }
    }

    /** Whether this run backs the database up after the script's check. */
    private enum BackupFirst { NO, SKIPPED, NOTHING_TO_DO, YES }

    private static BackupFirst backupFirst(Preamble preamble, CommandLine parsed) {
        if (!preamble.backsUp()) {
            return BackupFirst.NO;
        }
        return parsed.getParseResult().hasMatchedOption(SKIP_BACKUP) ? BackupFirst.SKIPPED : BackupFirst.YES;
    }

    private static CommandLine.Model.OptionSpec skipBackupOption() {
        return CommandLine.Model.OptionSpec.builder(SKIP_BACKUP).arity("0")
                .description("Do not back the database up first (not recommended).").build();
    }

    private Outcome execute(AupatScript script, String name, BackupFirst backupFirst) {
        long started = System.nanoTime();
        log.info(LogMarkers.FILE_ONLY, "{} started", name);
        int code;
        try {
            // A refused run (bad option, failed pre-flight check) stops here, before its backup.
            script.check();
            backUp(name, backupFirst == BackupFirst.YES && script.nothingToDo() ? BackupFirst.NOTHING_TO_DO : backupFirst);
            code = script.execute();
        } catch (AupatError e) {
            return reportFailure(name, e);
        } catch (Exception e) {
            log.error(LogMarkers.FILE_ONLY, "{} stopped on an unexpected error", name, e);
            console.error(name + " stopped on an unexpected error: " + e);
            console.error("Nothing more was changed. Details are in the error log (" + errorLog + ").");
            return new Outcome(ExitCode.FAILED, "stopped on an unexpected error: " + e);
        }
        if (code == ExitCode.OK && failureLog.skippedCount() > 0) {
            console.warn(name + " finished but skipped " + failureLog.skippedCount() + " item(s); see " + errorLog.resolveSibling("failure.log")
                    + " or run --script=failures --for=" + name + ".");
            code = ExitCode.ITEM_FAILURES;
        }
        log.info(LogMarkers.FILE_ONLY, "{} finished with exit code {} in {} ms", name, code,
                (System.nanoTime() - started) / 1_000_000);
        return Outcome.of(code);
    }

    /** A failed backup throws (BackupError, or PreflightError for exit 3) before the script changes anything. */
    private void backUp(String name, BackupFirst asked) {
        if (asked == BackupFirst.NOTHING_TO_DO) {
            log.info(LogMarkers.FILE_ONLY, "{} has nothing to change: no backup", name);
            console.info(name + ": nothing to do, so no backup of the database was made.");
        } else if (asked == BackupFirst.SKIPPED) {
            console.warn(name + ": " + SKIP_BACKUP + " given: the database is changed without a fresh backup.");
            log.warn("{} runs without a backup ({})", name, SKIP_BACKUP);
        } else if (asked == BackupFirst.YES) {
            Optional<Path> made = databaseBackup.backup();
            console.info(made.map(p -> name + ": database backed up to " + p)
                    .orElse(name + ": no database yet, nothing to back up"));
        }
    }

    /**
     * A refusal (a bad option or setting, a failed pre-flight check, another run holding the lock) is one
     * line in main.log: nothing went wrong inside AUPAT, so there is no stack trace for error.log. A failure
     * keeps its stack trace there.
     */
    private Outcome reportFailure(String name, AupatError e) {
        if (isRefusal(e.exitCode())) {
            log.warn(LogMarkers.FILE_ONLY, "{} refused (exit {}): {}", name, e.exitCode(), oneLine(e.getMessage()));
        } else {
            log.error(LogMarkers.FILE_ONLY, "{} failed: {}", name, e.getMessage(), e);
        }
        console.error(name + ": " + e.getMessage());
        return new Outcome(e.exitCode(), e.getMessage());
    }

    /** Exit codes that mean the run was refused before it changed anything. */
    static boolean isRefusal(int exitCode) {
        return exitCode == ExitCode.USAGE || exitCode == ExitCode.PREFLIGHT || exitCode == ExitCode.LOCKED;
    }

    /** A message as one log line: a pre-flight check lists every problem on lines of its own. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " | ");
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
