package org.aupat.scripts;

import org.aupat.archive.folder.FolderService;
import org.aupat.archive.maintenance.BackupService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_folder: creates the archive folders of every location (or one). */
@Component
@Command(name = "db_folder", description = "Create the archive folders for each location.")
public class DbFolderScript extends AupatScript {
    @Option(names = "--location", paramLabel = "UUID", description = "Only this location.")
    String location;

    @Option(names = "--skip-backup", description = "Do not back the database up first (not recommended).")
    boolean skipBackup;

    private final FolderService folders;
    private final BackupService backups;
    private final Console console;

    public DbFolderScript(ScriptRunner runner, FolderService folders, BackupService backups, Console console) {
        super(runner);
        this.folders = folders;
        this.backups = backups;
        this.console = console;
    }

    @Override
    protected int execute() {
        // A mistyped --location is refused before the backup, like every other bad option.
        if (location != null) {
            org.aupat.foundation.validation.Identifiers.uuid("--location", location.strip());
            folders.requireLocation(location);
        }
        backups.backupBeforeWrite("db_folder", skipBackup);
        FolderService.Result result = folders.makeFolders(location);
        result.created().forEach((uuid, created) -> {
            console.info("location " + uuid + ": " + (created.isEmpty() ? "folders already there" : created.size() + " folder(s) created"));
            created.forEach(path -> console.detail("  " + path));
        });
        result.failed().forEach((uuid, why) -> console.error("location " + uuid + ": " + why));
        return result.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
