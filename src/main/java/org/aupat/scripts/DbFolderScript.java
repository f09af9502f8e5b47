package org.aupat.scripts;

import org.aupat.archive.folder.FolderService;
import org.aupat.archive.media.StepOrder;
import org.aupat.archive.location.LocationService;
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
    @Option(names = "--location", paramLabel = "LOCATION", description = "Only this location: its UUID, 12-digit prefix or name.")
    String location;

    private final FolderService folders;
    private final Console console;
    private final StepOrder steps;
    private final LocationService locations;

    public DbFolderScript(ScriptRunner runner, FolderService folders, Console console, StepOrder steps,
            LocationService locations) {
        super(runner);
        this.folders = folders;
        this.console = console;
        this.steps = steps;
        this.locations = locations;
    }

    @Override
    protected void check() {
        if (location != null) {
            location = locations.byReference("--location", location).uuid();
        }
    }

    @Override
    protected boolean nothingToDo() {
        return !folders.hasWork(location);
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
