package org.aupat.scripts;

import java.nio.file.Path;
import java.util.List;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.location.LocationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** folder: creates the whole folder template of one location and prints what it created. */
@Component
@Command(name = "folder", description = "Create the archive folder template of one location (every folder of"
        + " folder.json); idempotent.")
public class FolderScript extends AupatScript {
    @Option(names = "--location", required = true, paramLabel = "LOCATION", description = "The location: its UUID,"
            + " 12-digit prefix or name.")
    String location;

    private final FolderService folders;
    private final Console console;
    private final LocationService locations;

    public FolderScript(ScriptRunner runner, FolderService folders, Console console, LocationService locations) {
        super(runner);
        this.folders = folders;
        this.console = console;
        this.locations = locations;
    }

    @Override
    protected void check() {
        location = locations.byReference("--location", location).uuid();
    }

    @Override
    protected int execute() {
        List<Path> created = folders.makeTemplate(location);
        created.forEach(path -> console.out(path.toString()));
        console.result(new Results.Template(location, created));
        console.info(created.isEmpty() ? "Every folder was already there." : "Created " + created.size() + " folder(s).");
        return ExitCode.OK;
    }
}
