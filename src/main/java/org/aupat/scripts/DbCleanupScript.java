package org.aupat.scripts;

import org.aupat.archive.maintenance.BackupRetention;
import org.aupat.archive.maintenance.CleanupReport;
import org.aupat.archive.maintenance.CleanupService;
import org.aupat.archive.replication.CopyCounts;
import org.aupat.archive.trash.TrashRepository;
import org.aupat.archive.trash.TrashService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.validation.PointInTime;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_cleanup: checks database, archive, staging and backups; prints a summary; exit 4 when a person is needed. */
@Component
@Command(name = "db_cleanup", description = {"Check integrity and orphans, remove temp files of crashed runs,",
        "prune surplus backups, check the backup manifest, VACUUM. Never deletes an archived file or a row;",
        "only --empty-trash deletes trashed files."})
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

    @Option(names = "--empty-trash", description = "Delete, for good, the trashed files older than --older-than, listing"
            + " each (after a verified backup of the database). The only thing that ever deletes a file's bytes.")
    boolean emptyTrash;

    @Option(names = "--older-than", defaultValue = "30d", paramLabel = "AGE|DATE",
            description = "With --empty-trash: files trashed before this: an age (30d, 2w, 12h, 0d; a bare number is"
                    + " days) or a date (2025-11-01), as every date option (default ${DEFAULT-VALUE}).")
    String olderThan;

    @Option(names = "--dry-run", description = "With --empty-trash: list what would be deleted; change nothing.")
    boolean dryRun;

    private final CleanupService cleanup;
    private final TrashService trash;
    private final CopyCounts copyCounts;
    private final Console console;
    private List<TrashRepository.Trashed> toDelete;

    public DbCleanupScript(ScriptRunner runner, CleanupService cleanup, TrashService trash, CopyCounts copyCounts,
            Console console) {
        super(runner);
        this.cleanup = cleanup;
        this.trash = trash;
        this.copyCounts = copyCounts;
        this.console = console;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        if (dryRun && !emptyTrash) {
            throw new ValidationError("--dry-run", null, "is for --empty-trash only: db_cleanup without it deletes no"
                    + " archived or trashed file.");
        }
        if (emptyTrash) {
            // A bare number was always read as days; anything else is read as every date option is.
            String age = olderThan.strip().matches("\\d{1,5}") ? olderThan.strip() + "d" : olderThan;
            Clock clock = Clock.systemDefaultZone();
            Duration ago = Duration.between(PointInTime.parse("--older-than", age, clock), clock.instant());
            toDelete = trash.planEmpty(ago.isNegative() ? Duration.ZERO : ago);
        }
    }

    @Override
    protected int execute() {
        Results.EmptyTrash emptiedResult = null;
        if (emptyTrash) {
            List<String> lines = toDelete.stream().map(TrashService::line).toList();
            lines.forEach(console::out);
            if (dryRun) {
                console.out("db_cleanup --empty-trash --dry-run: " + toDelete.size() + " file(s) would be deleted from"
                        + " the trash; nothing was changed.");
                console.result(new Results.Cleanup(List.of(), List.of(), List.of(), List.of(),
                        new Results.EmptyTrash(true, lines, 0, null), null));
                return ExitCode.OK;
            }
            TrashService.Emptied emptied = trash.empty(toDelete);
            emptied.backup().ifPresent(p -> console.info("db_cleanup: database backed up to " + p));
            console.out("db_cleanup: deleted " + emptied.files() + " file(s) from the trash, for good.");
            emptiedResult = new Results.EmptyTrash(false, lines, emptied.files(), emptied.backup().orElse(null));
        } else {
            long[] inTrash = trash.contents();
            if (inTrash[0] > 0) {
                console.info("db_cleanup: the trash holds " + inTrash[0] + " file(s), " + Console.size(inTrash[1])
                        + "; they stay until --empty-trash --older-than=30d.");
            }
        }
        if (keepDays < 1) {
            throw new ValidationError("--keep-days", keepDays, "must be 1 or more.");
        }
        if (archiveAfterDays < 1) {
            throw new ValidationError("--archive-after-days", archiveAfterDays, "must be 1 or more.");
        }
        CleanupReport report = cleanup.clean(new CleanupService.Options(keepDays, !noVacuum, fix, archiveAfterDays));
        report.lines().forEach(console::out);
        CopyCounts.Report copies = copyCounts.report(null);
        copies.listed().forEach(f -> console.out("  FEWER COPIES " + f.path() + ": " + f.copies() + " verified ("
                + (f.places().isEmpty() ? "none" : String.join(", ", f.places())) + ")"));
        if (copies.fewer() > copies.listed().size()) {
            console.out("  ... and " + (copies.fewer() - copies.listed().size()) + " more with fewer copies");
        }
        console.out(copies.line());
        console.result(Results.Cleanup.of(report, emptiedResult, copies));
        return report.needsPerson() ? ExitCode.ITEM_FAILURES : ExitCode.OK;
    }
}
