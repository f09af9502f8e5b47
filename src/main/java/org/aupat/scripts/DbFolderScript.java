package org.aupat.scripts;

import org.aupat.archive.folder.FolderService;
import org.aupat.archive.media.StepOrder;
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

    private final FolderService folders;
    private final Console console;
    private final StepOrder steps;

    public DbFolderScript(ScriptRunner runner, FolderService folders, Console console, StepOrder steps) {
        super(runner);
        this.folders = folders;
        this.console = console;
        this.steps = steps;
    }

    @Override
    protected void check() {
        if (location != null) {
            org.aupat.foundation.validation.Identifiers.uuid("--location", location.strip());
            folders.requireLocation(location);
        }
    }

    @Override
    protected int execute() {
        FolderService.Result result = folders.makeFolders(location);
        result.created().forEach((uuid, created) -> {
            console.out("location " + uuid + ": " + (created.isEmpty() ? "folders already there" : created.size() + " folder(s) created"));
            created.forEach(path -> console.detail("  " + path));
        });
        result.failed().forEach((uuid, why) -> console.error("location " + uuid + ": " + why));
        steps.waitingBefore("db_folder", location).ifPresent(console::warn);
        console.result(Results.Folders.of(result));
        return result.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
