package org.aupat.scripts;

import org.aupat.archive.maintenance.BackupRetention;
import org.aupat.archive.maintenance.CleanupReport;
import org.aupat.archive.maintenance.CleanupService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.ValidationError;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_cleanup: checks database, archive, staging and backups; prints a summary; exit 4 when a person is needed. */
@Component
@Command(name = "db_cleanup", description = {"Check integrity and orphans, remove temp files of crashed runs,",
        "prune surplus backups, check the backup manifest, VACUUM. Never deletes an archived file or a row."})
public class DbCleanupScript extends AupatScript {
    @Option(names = "--keep-days", defaultValue = "" + BackupRetention.KEEP_DAYS, paramLabel = "N",
            description = "Keep every backup of the last N days (default ${DEFAULT-VALUE}); older days keep their first and last.")
    int keepDays;

    @Option(names = "--no-vacuum", description = "Skip VACUUM.")
    boolean noVacuum;

    @Option(names = "--fix", description = "Also make repairs: remove empty staging folders, bring the backup manifest up to date.")
    boolean fix;

    @Option(names = "--archive-after-days", defaultValue = "30", paramLabel = "N",
            description = "Archive failure-log entries and completed checkpoints older than N days (default ${DEFAULT-VALUE}).")
    int archiveAfterDays;

    private final CleanupService cleanup;
    private final Console console;

    public DbCleanupScript(ScriptRunner runner, CleanupService cleanup, Console console) {
        super(runner);
        this.cleanup = cleanup;
        this.console = console;
    }

    @Override
    protected int execute() {
        if (keepDays < 1) {
            throw new ValidationError("--keep-days", keepDays, "must be 1 or more.");
        }
        if (archiveAfterDays < 1) {
            throw new ValidationError("--archive-after-days", archiveAfterDays, "must be 1 or more.");
        }
        CleanupReport report = cleanup.clean(new CleanupService.Options(keepDays, !noVacuum, fix, archiveAfterDays));
        report.lines().forEach(console::out);
        return report.needsPerson() ? ExitCode.ITEM_FAILURES : ExitCode.OK;
    }
}
