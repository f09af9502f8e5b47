package org.aupat.scripts;

import java.nio.file.Path;
import java.util.Optional;
import org.aupat.archive.maintenance.BackupService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** backup: makes one verified backup of the database and prints its path. */
@Component
@Command(name = "backup", description = {"Make a verified backup of the database into the backups folder.",
        "Prints the new file; it is listed with its SHA-256 in manifest-sha256.txt."})
public class BackupScript extends AupatScript {
    private final BackupService backups;
    private final Console console;

    public BackupScript(ScriptRunner runner, BackupService backups, Console console) {
        super(runner);
        this.backups = backups;
        this.console = console;
    }

    @Override
    protected int execute() {
        Optional<Path> made = backups.backup();
        console.result(new Results.Backup(made.orElse(null)));
        if (made.isEmpty()) {
            console.info("backup: no database yet, nothing to back up.");
        } else {
            console.out(made.get().toString());
        }
        return ExitCode.OK;
    }
}
